using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Auditing;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.IntegrationTests.Quarantine;
using Fangkong.Quarantine.Transfers;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Quarantine.Transfers.FlowWorld;

namespace Fangkong.IntegrationTests.Exports;

/// <summary>
/// The end-of-day list (日清日结) as CSV and .xlsx: the page's people with their county, masked as the
/// page masks them, headers in the request's language, audited, and the refusals (format, a day to come).
/// </summary>
public sealed class EndOfDayExportTests
{
    private const string Url = "/api/v1/transfers/end-of-day/export?date=2022-03-20";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CsvAndXlsx_HoldThePeopleNotCheckedIn_Masked_WithTheirCounty_AndAreAudited(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await AddRegionsAsync(host.Database);
        await AddUsersAsync(host.Database);
        await using (var db = host.Database.NewContext())
        {
            var site = await QuarantineWorld.SiteAsync(db, "吉林宾馆");
            await PlaceContactAsync(db, site, await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community));
        }

        using var dispatcher = await host.ClientAsync("dispatcher");
        using var county = await host.ClientAsync("county");
        using var english = await host.ClientAsync("county", culture: "en-US");
        (await dispatcher.PostAsJsonAsync("/api/v1/transfers/open", new { })).EnsureSuccessStatusCode();

        var csv = ExportFiles.Csv(await county.GetByteArrayAsync(Url + "&format=csv"));
        csv[0].ShouldBe(["区县", "姓名", "证件号码", "目的地", "状态", "判定时间", "已等待（小时）"]);
        csv.Count.ShouldBe(2, "the header and the one person not checked in");
        csv[1][1].ShouldBe("张伟");
        csv[1][2].ShouldBe("220204********" + Zhang[14..17] + "*", "masked for the county worker, as on the page");
        csv[1][3].ShouldBe("吉林宾馆");

        var xlsx = ExportFiles.Xlsx(await county.GetByteArrayAsync(Url + "&format=xlsx"));
        xlsx.Select(r => string.Join("|", r)).ShouldBe(csv.Select(r => string.Join("|", r)), "the same cells as the CSV");

        var en = ExportFiles.Csv(await english.GetByteArrayAsync(Url));
        en[0][1].ShouldBe("Name");

        await using var check = host.Database.NewContext();
        var lines = await check.AuditLog.Where(a => a.Action == AuditActions.Search && a.Entity == nameof(TransferTask) && a.UserName == "county").ToListAsync();
        lines.Count.ShouldBe(3, "each file is read through the list's use case, which writes its audit line");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AFormatOtherThanCsvOrXlsx_AndADayToCome_AreRefusedNamingTheField(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await AddRegionsAsync(host.Database);
        await AddUsersAsync(host.Database);
        using var county = await host.ClientAsync("county");

        foreach (var (url, field) in new[] { (Url + "&format=pdf", "format"), ("/api/v1/transfers/end-of-day/export?date=2999-01-01", "date") })
        {
            using var refused = await county.GetAsync(url);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(url);
        }
    }
}
