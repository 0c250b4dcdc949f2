using System.Net;
using System.Text.RegularExpressions;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Web;

/// <summary>
/// The mass-testing pages and their form posts, server-rendered in Chinese: a round created in
/// the form, the coverage drill-down, the console (idempotent by its form's id), the lab upload
/// (all or nothing) and the positive-pool board; and the refusals.
/// </summary>
public sealed partial class TestingPageTests
{
    private static string Zhang => WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);

    private static string Li => WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RoundForm_CreatesARound_AndThePagesShowItsCoverageInChinese(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");

        var id = await CreateRoundAsync(county, "船营区第一轮", WebTestData.County);

        var list = await county.GetStringAsync("/testing");
        list.ShouldContain("<html lang=\"zh-CN\"");
        list.ShouldContain("核酸检测轮次");
        list.ShouldContain("船营区第一轮");
        list.ShouldContain("新建检测轮次");

        var round = await county.GetStringAsync($"/testing/{id}");
        round.ShouldContain("应检尽检覆盖情况");
        round.ShouldContain("大东街道");
        round.ShouldContain("建议 20 混 1");
        round.ShouldContain($"testing/{id}/console");
        round.ShouldContain($"testing/{id}/positives");

        var street = await county.GetStringAsync($"/testing/{id}?region={WebTestData.Street}");
        street.ShouldContain("吉源社区");
        street.ShouldContain($"testing/{id}/not-sampled?community={WebTestData.Community}");

        var doors = await county.GetStringAsync($"/testing/{id}/not-sampled?community={WebTestData.Community}");
        doors.ShouldContain("未采样人员（敲门行动）");
        doors.ShouldContain("张伟");
        doors.ShouldContain("李娜");
        doors.ShouldNotContain("王芳");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RoundForm_RefusesARegionAboveTheJurisdiction_AndTheLabMayNotCreate(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        var token = await TokenAsync(county, "/testing");
        using var refused = await county.PostAsync("/testing", Form(token, ("_handler", "new-round"), ("Round.Name", "全市一轮"), ("Round.Region", "2202"), ("Round.PoolSize", "10"), ("Round.Hours", "24")));
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await refused.Content.ReadAsStringAsync();
        Fangkong.IntegrationTests.Web.Forms.FormPost.Summary(page).ShouldNotBeNull().ShouldContain("区划 2202 不在您的辖区内");
        page.ShouldContain("value=\"全市一轮\"");
        page.ShouldContain("尚无检测轮次");

        using var lab = await host.ClientAsync("lab");
        var labPage = await lab.GetStringAsync("/testing");
        labPage.ShouldNotContain("新建检测轮次");
        // The form is not on the lab's page, so its post has no handler there: refused, nothing created.
        using var labPost = await lab.PostAsync("/testing", Form(await TokenAsync(lab, "/testing"), ("_handler", "new-round"), ("Round.Name", "x"), ("Round.Region", WebTestData.County)));
        labPost.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await using var db = host.Database.NewContext();
        (await db.TestingRounds.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Console_RecordsASwabOnce_ShowsTheFill_RefusesBadIds_AndIsForbiddenToTheLab(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        var id = await CreateRoundAsync(county, "船营区第一轮", WebTestData.County);

        var console = await county.GetStringAsync($"/testing/{id}/console");
        var token = Hidden(console, "__RequestVerificationToken");
        var clientId = Hidden(console, "Scan.ClientId");
        var scan = Scan(token, clientId, "JL-0001", Zhang, "吉源社区广场", "10");
        using var first = await county.PostAsync($"/testing/{id}/console", scan);
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var after = await first.Content.ReadAsStringAsync();
        after.ShouldContain("已录入");
        after.ShouldContain("JL-0001: 1 / 10");
        after.ShouldContain("value=\"吉源社区广场\"");
        Hidden(after, "Scan.ClientId").ShouldNotBe(clientId);

        // The same form posted again (a double click, a retry) records nothing new.
        using var again = await county.PostAsync($"/testing/{id}/console", Scan(token, clientId, "JL-0001", Zhang, "吉源社区广场", "10"));
        var twice = await again.Content.ReadAsStringAsync();
        twice.ShouldContain("已录入过（重复提交）");
        twice.ShouldContain("JL-0001: 1 / 10");

        using var bad = await county.PostAsync($"/testing/{id}/console", Scan(token, Guid.NewGuid().ToString("N"), "JL-0001", "220204198503120000", "吉源社区广场", "10"));
        var refused = await bad.Content.ReadAsStringAsync();
        refused.ShouldContain("拒绝");
        refused.ShouldContain("证件号码无效");
        refused.ShouldContain("JL-0001: 1 / 10");

        using var lab = await host.ClientAsync("lab");
        using var labConsole = await lab.GetAsync($"/testing/{id}/console");
        labConsole.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        labConsole.Headers.Location!.AbsolutePath.ShouldBe("/forbidden");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ResultUpload_IsAllOrNothing_AndAPositivePoolReachesTheBoard(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        var id = await CreateRoundAsync(county, "船营区第一轮", WebTestData.County);
        foreach (var person in new[] { Zhang, Li })
        {
            var console = await county.GetStringAsync($"/testing/{id}/console");
            using var posted = await county.PostAsync($"/testing/{id}/console", Scan(
                Hidden(console, "__RequestVerificationToken"), Hidden(console, "Scan.ClientId"), "JL-0001", person, "吉源社区广场", "10"));
            (await posted.Content.ReadAsStringAsync()).ShouldContain("已录入");
        }

        using var lab = await host.ClientAsync("lab");
        var token = await TokenAsync(lab, "/testing/results");
        using var refused = await lab.PostAsync("/testing/results", Results(token, "吉林市疾控中心", "tube_barcode,result,ct_n,ct_orf\nJL-0001,positive,28,29\nJL-9999,negative,,\nJL-0001,maybe,1,2"));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var refusal = await refused.Content.ReadAsStringAsync();
        refusal.ShouldContain("结果未导入，2 处错误");
        refusal.ShouldContain(RefusedLine(3, "未知试管 JL-9999"));
        refusal.ShouldContain(RefusedLine(4, "结果「maybe」"));
        (await county.GetStringAsync($"/testing/{id}/positives")).ShouldContain("本轮暂无阳性混管");

        using var malformed = await lab.PostAsync("/testing/results", Results(token, "吉林市疾控中心", "JL-0001,positive,twenty,29"));
        (await malformed.Content.ReadAsStringAsync()).ShouldContain(RefusedLine(1, "Ct 值「twenty」不是数字"));

        using var accepted = await lab.PostAsync("/testing/results", Results(token, "吉林市疾控中心", "JL-0001,positive,28,29"));
        accepted.StatusCode.ShouldBe(HttpStatusCode.OK);
        var done = await accepted.Content.ReadAsStringAsync();
        done.ShouldContain("已记录 1 管结果，0 管未变；2 人已就地管控，新建 2 个单采单检任务。");

        var board = await county.GetStringAsync($"/testing/{id}/positives");
        board.ShouldContain("共 1 个阳性混管");
        board.ShouldContain("JL-0001");
        board.ShouldContain("张伟");
        board.ShouldContain("李娜");
        board.ShouldContain("就地管控中");
        board.ShouldContain("待复检");
        board.ShouldContain("秒内全部管控");

        using var county2 = await host.ClientAsync("county");
        using var uploadByCounty = await county2.GetAsync("/testing/results");
        uploadByCounty.Headers.Location!.AbsolutePath.ShouldBe("/forbidden");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ResultUpload_Of200UnknownTubes_ListsEveryRefusedLine_KeepsThemOffTheUrl_AndRecordsNothing(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        var id = await CreateRoundAsync(county, "船营区第一轮", WebTestData.County);
        var console = await county.GetStringAsync($"/testing/{id}/console");
        using (var posted = await county.PostAsync($"/testing/{id}/console", Scan(
            Hidden(console, "__RequestVerificationToken"), Hidden(console, "Scan.ClientId"), "JL-0001", Zhang, "吉源社区广场", "10")))
        {
            (await posted.Content.ReadAsStringAsync()).ShouldContain("已录入");
        }

        // One good line first, then 200 tubes nobody sampled: all or nothing, so the good one is not recorded either.
        var lines = new[] { "tube_barcode,result,ct_n,ct_orf", "JL-0001,positive,28,29" }
            .Concat(Enumerable.Range(1, 200).Select(i => $"UNKNOWN-{i:D4},negative,,"));
        using var lab = await host.ClientAsync("lab");
        using var refused = await lab.PostAsync("/testing/results", Results(await TokenAsync(lab, "/testing/results"), "吉林市疾控中心", string.Join('\n', lines)));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        refused.Headers.Location.ShouldBeNull("the refused lines are in the answer, not in an address");

        var page = await refused.Content.ReadAsStringAsync();
        page.ShouldContain("结果未导入，200 处错误");
        for (var i = 1; i <= 200; i++)
        {
            page.ShouldContain(RefusedLine(i + 2, $"未知试管 UNKNOWN-{i:D4}"));
        }

        await using (var db = host.Database.NewContext())
        {
            (await db.Tubes.IgnoreQueryFilters().CountAsync(t => t.Result != null)).ShouldBe(0);
            (await db.ControlOrders.IgnoreQueryFilters().CountAsync()).ShouldBe(0);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task UnknownRound_Is404_WithTheNoSuchRoundText_OnEveryRoundPage(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        foreach (var path in new[] { "/testing/999", "/testing/999/console", "/testing/999/positives", $"/testing/999/not-sampled?community={WebTestData.Community}" })
        {
            using var response = await county.GetAsync(path);
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, path);
            var page = await response.Content.ReadAsStringAsync();
            page.ShouldContain("没有这个检测轮次", customMessage: path);
            page.ShouldContain("检测轮次 999 不存在或不在您的辖区", customMessage: path);
            page.ShouldNotContain("页面不存在", customMessage: path);
        }

        // A page that does not exist at all still gets the common text.
        using var missing = await county.GetAsync("/testing/999/nothing-here");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("页面不存在");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RoundOutsideTheJurisdiction_Is404_WithTheNoSuchRoundText_AndNoName(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        long id;
        await using (var db = host.Database.NewContext())
        {
            var round = new Fangkong.Testing.TestingRound("昌邑区保密轮次", WebTestData.OtherCounty, DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddHours(24), 10, "test");
            db.TestingRounds.Add(round);
            await db.SaveChangesAsync();
            id = round.Id;
        }

        using var dadong = await host.ClientAsync("dadong");
        using var response = await dadong.GetAsync($"/testing/{id}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("没有这个检测轮次");
        page.ShouldNotContain("昌邑区保密轮次");

        // In English the same page speaks English.
        using var english = new HttpRequestMessage(HttpMethod.Get, $"/testing/{id}");
        english.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        using var inEnglish = await dadong.SendAsync(english);
        inEnglish.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await inEnglish.Content.ReadAsStringAsync()).ShouldContain("No such testing round");
    }

    private static string RefusedLine(int line, string reasonStart) =>
        $"<tr><td class=\"fk-number\">{line}</td><td>{reasonStart}";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PointsPage_SavesAPointWithItsSampler_ShowsTheNorm_AndALabUserCannotPost(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        var token = await TokenAsync(county, "/testing/points");
        using var saved = await county.PostAsync("/testing/points", Point(token, WebTestData.Community, "吉源社区广场", "Temporary", "06:00", "22:00", "sampler"));
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await county.GetStringAsync(saved.Headers.Location!.OriginalString);
        page.ShouldContain("已保存采样点。");
        page.ShouldContain("吉源社区广场");
        page.ShouldContain("06:00–22:00");
        page.ShouldContain("采样点 1 个");

        using var refused = await county.PostAsync("/testing/points", Point(token, WebTestData.Community, "X", "Temporary", "09:00", "09:00", ""));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Fangkong.IntegrationTests.Web.Forms.FormPost.MessageNextTo(await refused.Content.ReadAsStringAsync(), "Point.OpensAt").ShouldNotBeNull().ShouldContain("开放时间应为 HH:mm");

        using var lab = await host.ClientAsync("lab");
        var labToken = await TokenAsync(lab, "/testing/points");
        using var denied = await lab.PostAsync("/testing/points", Point(labToken, WebTestData.Community, "Y", "Fixed", "06:00", "22:00", ""));
        denied.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the lab's page has no point form to post");
        await using var check = host.Database.NewContext();
        (await check.SamplingPoints.Select(p => p.Name).ToListAsync()).ShouldBe(["吉源社区广场"]);
    }

    private static async Task<long> CreateRoundAsync(HttpClient client, string name, string region)
    {
        var token = await TokenAsync(client, "/testing");
        using var created = await client.PostAsync("/testing", Form(token, ("_handler", "new-round"), ("Round.Name", name), ("Round.Region", region), ("Round.PoolSize", "10"), ("Round.Hours", "24")));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var match = RoundPath().Match(created.Headers.Location!.AbsolutePath);
        match.Success.ShouldBeTrue(created.Headers.Location.OriginalString);
        return long.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task<string> TokenAsync(HttpClient client, string page) =>
        Hidden(await client.GetStringAsync(page), "__RequestVerificationToken");

    private static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]+)\"");
        match.Success.ShouldBeTrue($"hidden field {name}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    private static FormUrlEncodedContent Results(string token, string lab, string lines) =>
        Form(token, ("_handler", "results"), ("Upload.Lab", lab), ("Upload.Lines", lines));

    private static FormUrlEncodedContent Point(string token, string region, string name, string kind, string opensAt, string closesAt, string samplers) =>
        Form(token, ("_handler", "point"), ("Point.Region", region), ("Point.Name", name), ("Point.Kind", kind), ("Point.OpensAt", opensAt), ("Point.ClosesAt", closesAt), ("Point.Samplers", samplers));

    /// <summary>The console's scan form as a browser posts it.</summary>
    private static FormUrlEncodedContent Scan(string token, string clientId, string tube, string idNumber, string point, string poolSize) =>
        Form(token, ("_handler", "scan"), ("Scan.ClientId", clientId), ("Scan.Tube", tube), ("Scan.IdNumber", idNumber), ("Scan.Point", point), ("Scan.PoolSize", poolSize));

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);

    [GeneratedRegex(@"^/testing/(\d+)$")]
    private static partial Regex RoundPath();
}
