using System.Net;
using System.Text.RegularExpressions;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Cases;

/// <summary>The 病例 and 每日通报 pages: jurisdiction, masking, the line-list upload, the bulletin text.</summary>
public sealed partial class CasesPageTests
{
    private static readonly string Zhang = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Investigator_UploadsALineList_BadOrOutsideRowsAreRefusedWithTheirLine_AndAGoodOneIsImported(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var investigator = await host.ClientAsync("investigator");
        var token = Hidden(await investigator.GetStringAsync("/cases"), "__RequestVerificationToken");

        using (var bad = Upload(token, LineListImportTests.Header, "JL-1,张伟,,220204003001,confirmed,,2022-04-02,,,"))
        {
            using var refused = await investigator.PostAsync("/cases", bad);
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await refused.Content.ReadAsStringAsync()).ShouldContain("第 2 行: 确诊病例缺少临床分型");
        }

        using (var outside = Upload(token, LineListImportTests.Header, $"JL-2,刘洋,,{WebTestData.OtherCountyCommunity},asymptomatic,,2022-04-02,,,"))
        {
            using var refused = await investigator.PostAsync("/cases", outside);
            (await refused.Content.ReadAsStringAsync()).ShouldContain($"区划 {WebTestData.OtherCountyCommunity} 不在您的辖区内");
        }

        using (var good = Upload(token, LineListImportTests.Header, $"JL-1,张伟,{Zhang},220204003001,confirmed,mild,2022-04-02,,,"))
        {
            using var accepted = await investigator.PostAsync("/cases", good);
            accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
            var page = await accepted.Content.ReadAsStringAsync();
            page.ShouldContain("已导入 1 行：新增 1，更新 0，未变 0。");
            page.ShouldContain("JL-1", Case.Sensitive, "the list under the form is read after the import");
        }

        await using var db = host.Database.NewContext();
        (await db.Cases.Select(c => c.CaseNo).ToListAsync()).ShouldBe(["JL-1"]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CountyWorker_SeesOwnCasesMasked_NotTheNeighbours_AndTheBulletinPageShowsTheText(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await using (var db = host.Database.NewContext())
        {
            (await Fangkong.Cases.ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(
                LineListImportTests.Header,
                $"JL-1,张伟,{Zhang},220204003001,confirmed,mild,2022-04-02,,,",
                $"JL-2,刘洋,,{WebTestData.OtherCountyCommunity},asymptomatic,,2022-04-02,,,"))).IsSuccess.ShouldBeTrue();
            (await Fangkong.Cases.ImportContacts.HandleAsync(db, TempCsv.Write(
                ContactImportTests.Header,
                $"M-1,close,JL-1,,{Zhang},李娜,{WebTestData.Community},2022-04-01,2022-04-02,",
                $"M-2,close,JL-2,,,某人,{WebTestData.OtherCountyCommunity},2022-04-01,2022-04-02,"))).IsSuccess.ShouldBeTrue();
        }

        using var county = await host.ClientAsync("county");
        var list = await county.GetStringAsync("/cases");
        list.ShouldContain("JL-1");
        list.ShouldNotContain("JL-2");
        list.ShouldNotContain(Zhang);
        list.ShouldContain($"{Zhang[..6]}********{Zhang[14..17]}*");
        list.ShouldNotContain("case-upload");

        var contacts = await county.GetStringAsync("/contacts?case=JL-1");
        contacts.ShouldContain("M-1");
        contacts.ShouldContain("national-8：集中 14 天（第 1,4,7,14 天检测），居家 7 天");
        // 14 + 7 days counted from the last exposure (2022-04-01 is day 1), not from identification (issue 15).
        contacts.ShouldContain("2022-04-21");
        contacts.ShouldNotContain(Zhang);
        (await county.GetStringAsync("/contacts")).ShouldNotContain("M-2");

        var bulletin = await county.GetStringAsync("/reports/daily?date=2022-04-02&region=220204");
        bulletin.ShouldContain("4月2日0-24时，全区新增本土确诊病例1例（轻型1例）。其中，大东街道1例。无新增本土无症状感染者。");
        (await county.GetAsync("/reports/daily?date=2022-04-02&region=2202")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var lab = await host.ClientAsync("lab");
        using var labPage = await lab.GetAsync("/cases");
        labPage.StatusCode.ShouldNotBe(HttpStatusCode.OK);
    }

    private static MultipartFormDataContent Upload(string token, params string[] lines) => new()
    {
        { new StringContent(token), "__RequestVerificationToken" },
        { new StringContent("case-upload"), "_handler" },
        { new StringContent("utf-8"), "Upload.Encoding" },
        { new StringContent(string.Join("\n", lines) + "\n"), "file", "list.csv" },
    };

    private static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]+)\"");
        match.Success.ShouldBeTrue($"hidden field {name}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
