using Fangkong.BrowserTests.Pages;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.IntegrationTests.Passes;
using Microsoft.Playwright;

namespace Fangkong.BrowserTests;

/// <summary>A pass from application to the checkpoint, through the pages, with screenshots.</summary>
public sealed class PassesUiTests
{
    [Fact]
    public async Task Community_AppliesForAPass_CountyApprovesIt_AndTheCheckpointScanSaysAllowed_WhileATamperedCodeIsRefused()
    {
        await using var host = await BrowserHost.StartAsync();
        await PassesWorld.SeedAsync(host.Database);

        var county = await host.NewPageAsync();
        await county.GotoAsync("/passes?status=applied");
        await new LoginPage(county).SignInAsync("county", WebTestData.Password);
        await county.WaitForURLAsync("**/passes?status=applied");
        await new PassListPage(county).SetQuotaAsync("吉源保供超市", "物资运输", 5);
        await Assertions.Expect(county.GetByRole(AriaRole.Status)).ToContainTextAsync("配额已保存");
        await county.GotoAsync("/checkpoints");
        await new CheckpointsPage(county).CreateAsync("大东街道北口卡点", WebTestData.Street, "吉林大街与松江路口", "王警官、李协警");
        await Assertions.Expect(county.GetByTestId("checkpoints")).ToContainTextAsync("大东街道北口卡点");

        var community = await host.NewPageAsync();
        await community.GotoAsync("/passes/apply");
        await new LoginPage(community).SignInAsync("community", WebTestData.Password);
        await community.WaitForURLAsync("**/passes/apply");
        await new PassApplyPage(community).ApplyAsync(
            "物资运输", "吉源保供超市 (220204003001)", WebTestData.County, "张伟", WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1), "吉B12345", "为吉源社区配送生活物资");
        await community.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/passes/[0-9]+$"));
        await Assertions.Expect(new PassDetailPage(community).Status).ToHaveTextAsync("待审批");
        await BrowserHost.ScreenshotAsync(community, "20-pass-applied");

        await county.GotoAsync("/passes?status=applied");
        var queue = new PassListPage(county);
        await Assertions.Expect(queue.Rows).ToHaveCountAsync(1);
        await BrowserHost.ScreenshotAsync(county, "20-pass-queue");
        await queue.ApproveAsync("张伟");
        var detail = new PassDetailPage(county);
        await Assertions.Expect(detail.Status).ToHaveTextAsync("已批准");
        await Assertions.Expect(detail.QrCode).ToBeVisibleAsync();
        var token = await detail.TokenAsync();
        token.ShouldStartWith("FKP1.");
        await BrowserHost.ScreenshotAsync(county, "20-pass-approved");

        // The checkpoint officer on a phone-sized screen.
        var officer = await host.NewPageAsync();
        await officer.SetViewportSizeAsync(390, 844);
        await officer.GotoAsync("/checkpoints");
        await new LoginPage(officer).SignInAsync("officer", WebTestData.Password);
        await officer.WaitForURLAsync("**/checkpoints");
        await new CheckpointsPage(officer).OpenScanAsync("大东街道北口卡点");
        var scan = new CheckpointScanPage(officer);
        await scan.VerifyAsync(token);
        await Assertions.Expect(scan.Verdict).ToContainTextAsync("通行");
        await Assertions.Expect(scan.Verdict).ToContainTextAsync("吉B12345");
        await Assertions.Expect(scan.Verdict).Not.ToContainTextAsync("禁止通行");
        await BrowserHost.ScreenshotAsync(officer, "20-checkpoint-allowed");
        // The verdict is the stored scan named by its id; a link that carries a verdict shows none.
        await Assertions.Expect(officer).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"/checkpoints/\d+/scan\?scan=\d+$"));
        var scanUrl = officer.Url;
        await officer.GotoAsync(scanUrl[..scanUrl.IndexOf('?', StringComparison.Ordinal)] + "?verdict=Allowed&plate=%E5%90%89B99999&holder=x");
        await Assertions.Expect(scan.Verdict).ToHaveCountAsync(0);
        await officer.GotoAsync(scanUrl);

        var tampered = token[..^4] + (token[^4] == 'A' ? "B" : "A") + token[^3..];
        await scan.VerifyAsync(tampered);
        await Assertions.Expect(scan.Verdict).ToContainTextAsync("禁止通行");
        await Assertions.Expect(scan.Verdict).ToContainTextAsync("签名无效");
        await BrowserHost.ScreenshotAsync(officer, "20-checkpoint-refused");

        await county.GotoAsync("/checkpoints/log");
        await Assertions.Expect(county.GetByTestId("result-count")).ToHaveTextAsync("共 2 条扫码记录");
        await BrowserHost.ScreenshotAsync(county, "20-checkpoint-log");
    }
}
