using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Fangkong.Demo;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.CommandCentre;

/// <summary>Reads the situation view, the navigation and the lists they link to from server-rendered HTML.</summary>
internal static partial class CommandPages
{
    public sealed record Tile(string Key, string Href, long Figure);

    /// <summary>The demo on a small population with the demo's accounts (one per role): demo-like data for every tile.</summary>
    public static async Task SeedDemoAsync(TestDatabase database)
    {
        await DemoGround.SeedAsync(database);
        await DemoGround.SeedLaterStepsAsync(database, withUsers: true);
    }

    public static Task<HttpClient> DemoClientAsync(WebTestHost host, string user) =>
        host.ClientAsync(user, waitForAudit: false, password: DemoUsers.Password);

    /// <summary>The opening tags of the elements with <paramref name="testId"/>, each with its attributes.</summary>
    public static IEnumerable<Dictionary<string, string>> Tags(string html, string testId) =>
        TagPattern().Matches(html).Select(m => m.Value).Where(t => t.Contains($"data-testid=\"{testId}\"", StringComparison.Ordinal))
            .Select(t => AttributePattern().Matches(t).ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value)));

    public static IReadOnlyList<string> NavHrefs(string html) =>
        [.. Tags(html, "nav-entry").Concat(Tags(html, "nav-situation")).Select(a => a["href"])];

    public static IReadOnlyList<Tile> Tiles(string html)
    {
        var tiles = new List<Tile>();
        foreach (Match m in TilePattern().Matches(html))
        {
            var attributes = AttributePattern().Matches(m.Groups["tag"].Value).ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value));
            tiles.Add(new Tile(attributes["data-tile"], attributes["href"], Number(m.Groups["figure"].Value)));
        }

        return tiles;
    }

    /// <summary>The first number in the element with <paramref name="testId"/>, or null without that element.</summary>
    public static long? NumberIn(string html, string testId, int index = 0)
    {
        var m = Regex.Match(html, $"data-testid=\"{testId}\"[^>]*>(?<text>.*?)</", RegexOptions.Singleline);
        if (!m.Success)
        {
            return null;
        }

        var numbers = NumberPattern().Matches(m.Groups["text"].Value);
        return numbers.Count > index ? Number(numbers[index].Value) : null;
    }

    /// <summary>The cells of the round page's total line: should test, sampled, share, resulted, positive.</summary>
    public static IReadOnlyList<string> CoverageTotal(string html)
    {
        var row = Regex.Match(html, "data-testid=\"coverage-total\">(?<row>.*?)</tr>", RegexOptions.Singleline);
        row.Success.ShouldBeTrue("the round page has its total line");
        return [.. Regex.Matches(row.Groups["row"].Value, "<td class=\"fk-number\">\\s*(?<v>[^<]*?)\\s*</td>").Select(c => c.Groups["v"].Value)];
    }

    public static long Number(string text) => long.Parse(text.Replace(",", string.Empty, StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture);

    [GeneratedRegex("<[a-z]+ [^>]*>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("([a-z-]+)=\"([^\"]*)\"")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("(?<tag><a [^>]*data-testid=\"tile\"[^>]*>).*?data-testid=\"tile-figure\">(?<figure>[0-9,]+)<", RegexOptions.Singleline)]
    private static partial Regex TilePattern();

    [GeneratedRegex("[0-9][0-9,]*")]
    private static partial Regex NumberPattern();
}
