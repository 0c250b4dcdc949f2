using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Web.Forms;

/// <summary>
/// No page shows text taken from its address as a message: a crafted link with <c>?error=…</c> (or the
/// other names the old form endpoints used) shows nothing of it, for every page and every user. Text
/// may come back only inside form fields and links, where a search keeps what was searched.
/// </summary>
public sealed class CraftedMessageTests
{
    private const string Marker = "伪造的通知FORGED7731";

    private static readonly string[] Names = ["error", "reason", "uploadError", "message", "saved", "reported", "done", "opened", "outcome", "notice"];

    [Fact]
    public async Task ACraftedErrorInTheAddress_ShowsNoText_OnAnyPage()
    {
        await using var host = await WebTestHost.StartAsync(DatabaseProvider.Sqlite);
        var query = string.Join('&', Names.Select(n => $"{n}={Uri.EscapeDataString(Marker)}"));
        var failures = new List<string>();
        var shown = 0;
        foreach (var user in WebTestData.Users.Keys)
        {
            using var client = await host.ClientAsync(user);
            foreach (var page in FormPages.All)
            {
                using var response = await client.GetAsync($"{page.Url}?{query}");
                if (!response.IsSuccessStatusCode)
                {
                    continue;
                }

                shown++;
                var html = await response.Content.ReadAsStringAsync();
                if (WithoutFieldsAndLinks(html).Contains(Marker, StringComparison.Ordinal))
                {
                    failures.Add($"{user} {page.Url} shows the crafted text");
                }
            }
        }

        shown.ShouldBeGreaterThan(FormPages.All.Count, "pages were shown, not only refused");
        failures.ShouldBeEmpty();
    }

    private static string WithoutFieldsAndLinks(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html, "(value|href|action)=\"[^\"]*\"", string.Empty);
}
