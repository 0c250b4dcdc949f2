using System.Text.RegularExpressions;
using Fangkong.BrowserTests.Pages;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fangkong.BrowserTests;

/// <summary>A round from creation to a positive pool on the board, through the pages, with screenshots.</summary>
public sealed partial class TestingUiTests
{
    [Fact]
    public async Task County_CreatesARound_SamplesATube_LabReportsItPositive_AndTheBoardShowsTheMembersUnderControl()
    {
        await using var host = await BrowserHost.StartAsync();
        var county = await host.NewPageAsync();
        await county.GotoAsync("/testing");
        await new LoginPage(county).SignInAsync("county", WebTestData.Password);
        await county.WaitForURLAsync("**/testing");

        await new TestingRoundsPage(county).CreateAsync("船营区第一轮", WebTestData.County, 10);
        await county.WaitForURLAsync(RoundUrl());
        var roundPath = new Uri(county.Url).AbsolutePath;
        await Assertions.Expect(county.GetByTestId("round-name")).ToHaveTextAsync("船营区第一轮");
        await Assertions.Expect(county.GetByTestId("coverage")).ToContainTextAsync("大东街道");
        await Assertions.Expect(county.GetByTestId("advice-best")).ToContainTextAsync("建议 20 混 1");
        await BrowserHost.ScreenshotAsync(county, "10-testing-round");

        await county.GetByRole(AriaRole.Link, new() { Name = "采样点录入" }).ClickAsync();
        await county.WaitForURLAsync("**/console");
        var console = new TestingConsolePage(county);
        await console.ScanAsync("JL-0001", WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1), "吉源社区广场", 10);
        await Assertions.Expect(console.TubeFill).ToHaveTextAsync("JL-0001: 1 / 10");
        await console.ScanNextAsync(WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2));
        await Assertions.Expect(console.Outcome).ToContainTextAsync("已录入");
        await Assertions.Expect(console.TubeFill).ToHaveTextAsync("JL-0001: 2 / 10");
        await BrowserHost.ScreenshotAsync(county, "10-testing-console");

        var lab = await host.NewPageAsync();
        await lab.GotoAsync("/testing/results");
        await new LoginPage(lab).SignInAsync("lab", WebTestData.Password);
        await lab.WaitForURLAsync("**/testing/results");
        var upload = new ResultUploadPage(lab);
        await upload.UploadAsync("吉林市疾控中心", "JL-0001,positive,28,29");
        await Assertions.Expect(upload.Outcome).ToContainTextAsync("已记录 1 管结果");
        await Assertions.Expect(upload.Outcome).ToContainTextAsync("2 人已就地管控");
        await BrowserHost.ScreenshotAsync(lab, "10-testing-results");

        await county.GotoAsync(roundPath + "/positives");
        var board = new PositiveBoardPage(county);
        await Assertions.Expect(board.Count).ToHaveTextAsync("共 1 个阳性混管");
        var pool = board.Pool("JL-0001");
        await Assertions.Expect(pool).ToContainTextAsync("张伟");
        await Assertions.Expect(pool).ToContainTextAsync("李娜");
        await Assertions.Expect(pool.GetByTestId("member-control")).ToHaveTextAsync(["就地管控中", "就地管控中"]);
        await Assertions.Expect(pool.GetByTestId("member-retest")).ToHaveTextAsync(["待复检", "待复检"]);
        await BrowserHost.ScreenshotAsync(county, "10-testing-positives");
    }

    [Fact]
    public async Task Resident_WithoutSignIn_ReportsAPositiveAntigen_AndIsToldTheCommunityWillConfirmIt()
    {
        await using var host = await BrowserHost.StartAsync();
        var resident = await host.NewPageAsync();
        await resident.GotoAsync("/antigen");
        await Assertions.Expect(resident.GetByRole(AriaRole.Heading, new() { Name = "抗原自测结果上报" })).ToBeVisibleAsync();
        var testedAt = DateTimeOffset.UtcNow.AddHours(-1).ToOffset(TimeSpan.FromHours(8))
            .ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        var page = new AntigenSelfReportPage(resident);

        await page.ReportAsync(WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1), "13904321002", "positive", testedAt);
        await Assertions.Expect(page.Error).ToContainTextAsync("证件号码与登记的手机号不符");

        await page.ReportAsync(WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1), "13904321001", "positive", testedAt);
        await Assertions.Expect(page.Outcome).ToContainTextAsync("社区将尽快联系您安排核酸复核");
        await BrowserHost.ScreenshotAsync(resident, "10-antigen-self-report");
    }

    [GeneratedRegex(@"/testing/\d+$")]
    private static partial Regex RoundUrl();
}
