using System.Data.Common;
using System.Net;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Web.Forms;

/// <summary>
/// Every page, found from the components, refuses its own forms posted without the antiforgery
/// token (as a cross-site page would post them): 400 and the "form expired" page, and no row of any
/// table is written. Pages whose forms bind a model are posted under each form's name; the others
/// (row buttons, plain-field forms) under a made-up name, which the guard refuses before any handler.
/// </summary>
public sealed class EveryFormAntiforgeryTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EveryPageForm_PostedWithoutItsToken_IsRefused_AndNothingIsWritten(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        var pages = FormPages.All;
        FormPages.WithForms.Select(p => p.Component.Name).ShouldContain("PendingPositives");
        FormPages.WithForms.Select(p => p.Component.Name).ShouldContain("CaseList");
        FormPages.WithForms.Count.ShouldBeGreaterThan(20, "pages whose forms bind a model");
        var before = await RowCountsAsync(host);

        var failures = new List<string>();
        foreach (var page in pages)
        {
            foreach (var form in page.FormNames.DefaultIfEmpty("any"))
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, page.Url) { Content = FormPost.Content(null, form, ("Model.Name", "伪造")) };
                request.Headers.Add("Origin", "https://evil.example");
                using var response = await county.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.BadRequest || !text.Contains("data-testid=\"antiforgery-refused\"", StringComparison.Ordinal))
                {
                    failures.Add($"{page.Url} form {form}: {(int)response.StatusCode}, not refused for its missing token");
                }
            }
        }

        failures.ShouldBeEmpty();
        (await RowCountsAsync(host)).ShouldBe(before);
    }

    /// <summary>Rows in every mapped table but the audit log (which records the refusals themselves).</summary>
    private static async Task<Dictionary<string, long>> RowCountsAsync(WebTestHost host)
    {
        await using var db = host.Database.NewContext();
        var tables = db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>()
            .Where(t => t != "audit_log").Distinct().Order(StringComparer.Ordinal).ToList();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            await using DbCommand command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
            counts[table] = Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
        }

        return counts;
    }
}
