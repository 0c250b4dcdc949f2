using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Access;
using Fangkong.Auditing;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Auditing;

/// <summary>The audit log page and API: inspectors and administrators only, keyset-paged, exported as CSV, its own reads audited.</summary>
public sealed class AuditLogPageTests
{
    private static async Task<WebTestHost> StartAsync(DatabaseProvider provider)
    {
        var host = await WebTestHost.StartAsync(provider);
        await TestUsers.AddAsync(
            host.Database,
            ("inspector", Roles.Inspector, WebTestData.County),
            ("admin", Roles.Administrator, "22"),
            ("other-inspector", Roles.Inspector, WebTestData.OtherCounty),
            ("other-county", Roles.CountyWorker, WebTestData.OtherCounty));
        return host;
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AuditLog_IsRefused_ToEveryOtherRole(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        foreach (var user in WebTestData.Users.Keys)
        {
            using var client = await host.ClientAsync(user);
            using var api = await client.GetAsync("/api/v1/audit");
            api.StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
            using var export = await client.GetAsync("/api/v1/audit/export");
            export.StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
            using var page = await client.GetAsync("/audit");
            page.StatusCode.ShouldBe(HttpStatusCode.Redirect, user);
            page.Headers.Location!.OriginalString.ShouldContain("/forbidden", Case.Sensitive, user);
        }

        using var anonymous = await host.ClientAsync();
        using var refused = await anonymous.GetAsync("/api/v1/audit");
        refused.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        await using var db = host.Database.NewContext();
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.Search && a.Entity == nameof(AuditEntry))).ShouldBe(0);
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.Refused && a.Entity.Contains("audit"))).ShouldBe(WebTestData.Users.Count * 3);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task InspectorAndAdministrator_ReadTheLog_AndTheirReadsAreAudited(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var zhang = await AuditQueueTests.IdOfAsync(host, "张伟");
        using (var county = await host.ClientAsync("county"))
        {
            (await county.GetAsync($"/api/v1/persons/{zhang}")).Dispose();
        }

        using var inspector = await host.ClientAsync("inspector");
        var page = await inspector.GetFromJsonAsync<JsonElement>("/api/v1/audit?user=county&action=read");
        var line = page.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        line.GetProperty("entityKey").GetString().ShouldBe(zhang.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var html = await inspector.GetAsync("/audit?user=county");
        html.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await html.Content.ReadAsStringAsync()).ShouldContain("data-testid=\"audit-lines\"");
        using var admin = await host.ClientAsync("admin");
        (await admin.GetAsync("/api/v1/audit")).StatusCode.ShouldBe(HttpStatusCode.OK);

        await using var db = host.Database.NewContext();
        var own = await db.AuditLog.Where(a => a.Entity == nameof(AuditEntry) && a.Action == AuditActions.Search).OrderBy(a => a.Id).ToListAsync();
        own.Select(a => a.UserName).ShouldBe(["inspector", "inspector", "admin"]);
        own[0].EntityKey.ShouldBe("*");
        own[0].After!.ShouldContain("user=county action=read");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Pages_AreKeysetPaged_NewestFirst_AndFiltered(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var zhang = await AuditQueueTests.IdOfAsync(host, "张伟");
        using (var county = await host.ClientAsync("county"))
        {
            for (var i = 0; i < 5; i++)
            {
                (await county.GetAsync($"/api/v1/persons/{zhang}")).Dispose();
            }
        }

        using var inspector = await host.ClientAsync("inspector");
        var seen = new List<long>();
        string? before = null;
        for (var round = 0; round < 4; round++)
        {
            var page = await inspector.GetFromJsonAsync<JsonElement>($"/api/v1/audit?user=county&action=read&pageSize=2{before}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()));
            if (page.GetProperty("next").ValueKind == JsonValueKind.Null)
            {
                break;
            }

            before = $"&before={page.GetProperty("next").GetInt64()}";
        }

        seen.Count.ShouldBe(5);
        seen.ShouldBe(seen.OrderByDescending(i => i).ToList());
        seen.Distinct().Count().ShouldBe(5);

        var future = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(1).ToString("O"));
        var none = await inspector.GetFromJsonAsync<JsonElement>($"/api/v1/audit?user=county&from={future}");
        none.GetProperty("items").GetArrayLength().ShouldBe(0);
        var past = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddHours(-1).ToString("O"));
        var all = await inspector.GetFromJsonAsync<JsonElement>($"/api/v1/audit?user=county&action=read&from={past}&to={future}");
        all.GetProperty("items").GetArrayLength().ShouldBe(5);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Inspector_SeesOnlyTheLinesOfTheirJurisdiction(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var zhang = await AuditQueueTests.IdOfAsync(host, "张伟");
        var liu = await AuditQueueTests.IdOfAsync(host, "刘洋");
        using (var county = await host.ClientAsync("county"))
        {
            (await county.GetAsync($"/api/v1/persons/{zhang}")).Dispose();
        }

        using (var other = await host.ClientAsync("other-county"))
        {
            (await other.GetAsync($"/api/v1/persons/{liu}")).Dispose();
        }

        using var inspector = await host.ClientAsync("other-inspector");
        var page = await inspector.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=read");
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("userName").GetString()).ShouldBe(["other-county"]);
        using var admin = await host.ClientAsync("admin");
        var everything = await admin.GetFromJsonAsync<JsonElement>("/api/v1/audit?action=read");
        everything.GetProperty("items").GetArrayLength().ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Export_IsCsv_WithTheFilteredLines_AndIsAudited(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        var zhang = await AuditQueueTests.IdOfAsync(host, "张伟");
        using (var county = await host.ClientAsync("county", address: IPAddress.Parse("10.9.8.7")))
        {
            (await county.GetAsync($"/api/v1/persons/{zhang}")).Dispose();
        }

        using var inspector = await host.ClientAsync("inspector");
        using var export = await inspector.GetAsync("/api/v1/audit/export?user=county&action=read");

        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        export.Content.Headers.ContentType!.MediaType.ShouldBe("text/csv");
        var lines = (await export.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe(string.Join(',', ExportAuditLog.Header));
        var row = lines.Skip(1).ShouldHaveSingleItem();
        row.ShouldContain(",county,220204,read,Person,");
        row.ShouldContain("10.9.8.7");
        await using var db = host.Database.NewContext();
        (await db.AuditLog.SingleAsync(a => a.UserName == "inspector" && a.Entity == nameof(AuditEntry))).After!.ShouldContain("export 1 lines");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BadFilters_AreRefused_NamingTheField(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var inspector = await host.ClientAsync("inspector");

        foreach (var (query, field) in new[]
        {
            ("pageSize=0", "pageSize"), ("pageSize=501", "pageSize"), ("before=0", "before"),
            ("from=2022-03-15T00:00:00%2B08:00&to=2022-03-14T00:00:00%2B08:00", "from"), ("user=" + new string('u', 300), "user"),
        })
        {
            using var response = await inspector.GetAsync($"/api/v1/audit?{query}");
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(query);
        }
    }

    [Fact]
    public void CsvField_QuotesAndDefusesFormulas()
    {
        ExportAuditLog.Field("=HYPERLINK(\"x\")").ShouldBe("\"'=HYPERLINK(\"\"x\"\")\"");
        ExportAuditLog.Field("a,b").ShouldBe("\"a,b\"");
        ExportAuditLog.Field("张伟").ShouldBe("张伟");
        ExportAuditLog.Field(null).ShouldBe(string.Empty);
    }
}
