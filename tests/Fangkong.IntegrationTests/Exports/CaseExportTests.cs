using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fangkong.Auditing;
using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.IntegrationTests.Cases;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Exports;

/// <summary>
/// The case list's exports and print layout: the same rows as the list's pages for the same filter
/// (more than one page of the use case), masked as the page masks them, one audit line, the refusals.
/// </summary>
public sealed partial class CaseExportTests
{
    /// <summary>More than one page of the use case (200), so the export reads page by page.</summary>
    private const int OwnCases = 230;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CsvAndXlsx_HoldTheListsRows_MaskedForTheCounty_WholeForTheInvestigator_NotTheNeighbours(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        using var investigator = await host.ClientAsync("investigator");

        var listed = await ListAsync(county, "type=confirmed");
        listed.Count.ShouldBe(OwnCases);
        listed.ShouldAllBe(r => r.IdNumber.Contains("********"), "the county worker's list masks identity numbers");

        var csv = ExportFiles.Csv(await FileAsync(county, "/api/v1/cases/export?type=confirmed&format=csv", "text/csv"));
        csv[0].ShouldBe(HeaderCell().Matches(await county.GetStringAsync("/cases")).Select(m => m.Groups[1].Value), "the page's headers, in the request's culture (zh-CN first)");
        csv[0][0].ShouldBe("病例编号");
        Rows(csv).ShouldBe(listed);

        var xlsx = ExportFiles.Xlsx(await FileAsync(county, "/api/v1/cases/export?type=confirmed&format=xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        xlsx[0].ShouldBe(csv[0]);
        Rows(xlsx).ShouldBe(listed);
        xlsx.ShouldNotContain(r => r[0] == "JL-OUT", "another county's case is not in the county worker's file");

        var whole = ExportFiles.Csv(await FileAsync(investigator, "/api/v1/cases/export?format=csv", "text/csv"));
        Rows(whole).ShouldBe(await ListAsync(investigator, string.Empty));
        Rows(whole).ShouldAllBe(r => !r.IdNumber.Contains('*'), "the investigator sees whole numbers on the page and in the file");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EnglishRequest_GetsEnglishHeaders(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county", culture: "en-US");

        var csv = ExportFiles.Csv(await FileAsync(county, "/api/v1/cases/export", "text/csv"));
        csv[0][0].ShouldBe("Case no.");
        csv.Count.ShouldBe(OwnCases + 2, "the header, the county's cases and its one asymptomatic case");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnExport_IsOneAuditLine_WithTheUserListFilterAndRowCount(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");

        await FileAsync(county, "/api/v1/cases/export?type=confirmed&format=xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        await using var db = host.Database.NewContext();
        var lines = await db.AuditLog.Where(a => a.Action == AuditActions.Search && a.Entity == nameof(Fangkong.Cases.Case)).ToListAsync();
        lines.Count.ShouldBe(1, "two pages read, one line written");
        lines[0].UserName.ShouldBe("county");
        lines[0].After!.ShouldContain($"export list=cases;format=xlsx;rows={OwnCases};q=;region=;type=confirmed");
        var ids = JsonDocument.Parse(lines[0].After!).RootElement.GetProperty("ids").GetArrayLength();
        ids.ShouldBe(OwnCases, "the line names every record that left");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RolesWithoutTheList_Get403_AnOutsideRegionIs403_AndABadFormatNamesTheField(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await SeedAsync(host.Database);
        using var lab = await host.ClientAsync("lab");
        using var community = await host.ClientAsync("community");
        using var county = await host.ClientAsync("county");
        using var anonymous = await host.ClientAsync();

        (await lab.GetAsync("/api/v1/cases/export?format=csv")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await community.GetAsync("/api/v1/contacts/export?format=xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await lab.GetAsync("/api/v1/findings/export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await lab.GetAsync("/api/v1/accountability/cases/export")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anonymous.GetAsync("/api/v1/cases/export")).StatusCode.ShouldBeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden);
        (await county.GetAsync($"/api/v1/cases/export?region={WebTestData.OtherCounty}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var bad = await county.GetAsync("/api/v1/cases/export?format=pdf");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("format", out _).ShouldBeTrue();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AboveTheCap_TheExportAndThePrintLayoutAreRefusedNamingTheCap(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider, b => b.Configuration["Fangkong:Exports:MaxRows"] = "100");
        await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");

        using var refused = await county.GetAsync("/api/v1/cases/export?format=xlsx");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("filter")[0].GetString()!.ShouldContain("超过导出上限 100 行");

        using var print = await county.GetAsync("/cases?print=true");
        (await print.Content.ReadAsStringAsync()).ShouldContain("超过导出上限 100 行");
        (await FileAsync(county, $"/api/v1/cases/export?q=JL-0&format=csv", "text/csv")).ShouldNotBeEmpty("a narrower filter under the cap is served");

        await using var db = host.Database.NewContext();
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.Search && a.Entity == nameof(Fangkong.Cases.Case) && a.After!.Contains("export"))).ShouldBe(1, "refused exports give nothing out");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ThePrintLayout_ShowsEveryRowOfTheFilter_WithoutPager(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");

        var list = await county.GetStringAsync("/cases?type=confirmed");
        list.ShouldContain("data-testid=\"pager-next\"");
        list.ShouldContain("api/v1/cases/export?q=&amp;region=&amp;type=confirmed&amp;from=&amp;to=&amp;format=xlsx");
        list.ShouldContain("data-testid=\"print-layout\"");

        var print = await county.GetStringAsync("/cases?type=confirmed&print=true");
        print.ShouldNotContain("data-testid=\"pager-next\"");
        print.ShouldContain("data-testid=\"print-note\"");
        CaseRow().Count(print).ShouldBe(OwnCases);
        print.ShouldContain("css/print.css");
    }

    private static async Task<byte[]> FileAsync(HttpClient client, string url, string contentType)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.ToString().ShouldStartWith(contentType);
        return await response.Content.ReadAsByteArrayAsync();
    }

    /// <summary>The list's rows through the list API, page by page, as (case no, name, id number).</summary>
    private static async Task<List<(string CaseNo, string Name, string IdNumber)>> ListAsync(HttpClient client, string filter)
    {
        var rows = new List<(string, string, string)>();
        for (var page = 1; ; page++)
        {
            var json = await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases?{filter}&page={page}&pageSize=50");
            rows.AddRange(json.GetProperty("items").EnumerateArray().Select(c =>
                (c.GetProperty("caseNo").GetString()!, c.GetProperty("name").GetString()!, c.GetProperty("idNumber").GetString()!)));
            if (page * 50 >= json.GetProperty("totalCount").GetInt32())
            {
                return rows;
            }
        }
    }

    private static List<(string CaseNo, string Name, string IdNumber)> Rows(List<string[]> file) => [.. file.Skip(1).Select(r => (r[0], r[1], r[2]))];

    private static async Task SeedAsync(TestDatabase database)
    {
        var lines = new List<string> { LineListImportTests.Header };
        for (var i = 1; i <= OwnCases; i++)
        {
            var id = WebTestData.IdNumberFor(WebTestData.Community, "19850312", i);
            lines.Add($"JL-{i:D3},张{i},{id},{WebTestData.Community},confirmed,mild,2022-04-{1 + (i % 5):D2},,,");
        }

        lines.Add($"JL-ASY,李静,{WebTestData.IdNumberFor(WebTestData.Community, "19900101", 1)},{WebTestData.Community},asymptomatic,,2022-04-02,,,");
        lines.Add($"JL-OUT,刘洋,{WebTestData.IdNumberFor(WebTestData.OtherCountyCommunity, "19781120", 5)},{WebTestData.OtherCountyCommunity},confirmed,moderate,2022-04-02,,,");
        await using var db = database.NewContext();
        var cases = await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write([.. lines]));
        cases.IsSuccess.ShouldBeTrue(cases.Error?.Message);
    }

    [GeneratedRegex("<th>([^<]*)</th>")]
    private static partial Regex HeaderCell();

    [GeneratedRegex("<a href=\"cases/\\d+/investigation\"")]
    private static partial Regex CaseRow();
}
