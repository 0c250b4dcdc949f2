using System.Net;
using System.Text.RegularExpressions;

namespace Fangkong.IntegrationTests.Web.Forms;

/// <summary>
/// Posts a page's form as a browser does: the antiforgery token the page rendered, <c>_handler</c> = the
/// form's name, and the model's fields named as Blazor names them (<c>Model.Property</c>).
/// </summary>
internal static partial class FormPost
{
    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string page, string formName, params (string Name, string Value)[] fields)
    {
        var html = await client.GetStringAsync(page);
        return await client.PostAsync(page, Content(Token(html), formName, fields));
    }

    public static FormUrlEncodedContent Content(string? token, string formName, params (string Name, string Value)[] fields)
    {
        var all = new List<KeyValuePair<string, string>> { new("_handler", formName) };
        if (token is not null)
        {
            all.Add(new("__RequestVerificationToken", token));
        }

        all.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return new FormUrlEncodedContent(all);
    }

    public static string Token(string html)
    {
        var match = TokenField().Match(html);
        match.Success.ShouldBeTrue("the page renders an antiforgery token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    /// <summary>The message Blazor renders next to the input named <paramref name="field"/>, or null.</summary>
    public static string? MessageNextTo(string html, string field)
    {
        var at = html.IndexOf($"name=\"{field}\"", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var message = NextMessage().Match(html, at);
        return message.Success ? WebUtility.HtmlDecode(message.Groups[1].Value) : null;
    }

    /// <summary>The text of the form's summary (errors of no field), or null.</summary>
    public static string? Summary(string html)
    {
        var match = SummaryBlock().Match(html);
        return match.Success ? WebUtility.HtmlDecode(Regex.Replace(match.Groups[1].Value, "<[^>]+>", string.Empty)) : null;
    }

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    // The field's own message sits in the field's block, before the next input of the form.
    [GeneratedRegex("\\G(?:(?!<input|<select|<textarea)[\\s\\S])*?<div class=\"validation-message\">([^<]*)</div>")]
    private static partial Regex NextMessage();

    [GeneratedRegex("data-testid=\"form-error\">([\\s\\S]*?)</div>")]
    private static partial Regex SummaryBlock();
}
