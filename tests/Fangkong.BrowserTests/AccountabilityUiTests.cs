using Fangkong.BrowserTests.Pages;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fangkong.BrowserTests;

/// <summary>An inspector enters a case, decides it and publishes a notice, through the pages, with screenshots.</summary>
public sealed class AccountabilityUiTests
{
    [Fact]
    public async Task Inspector_EntersAndDecidesACase_AndPublishesTheNotice()
    {
        await using var host = await BrowserHost.StartAsync();
        await AddInspectorAsync(host.Database);

        var page = await host.NewPageAsync();
        await page.GotoAsync("/accountability/new");
        await new LoginPage(page).SignInAsync("jijian", WebTestData.Password);
        await page.WaitForURLAsync("**/accountability/new");
        var edit = new AccountabilityEditPage(page);
        await edit.FillMatterAsync(
            WebTestData.County, "在疫情防控工作中履职不力，导致辖区养老院发生聚集性疫情问题",
            "根据疫情防控要求，3月4日起全市养老院实行封闭式管理。船营区4家养老院未严格执行封闭管理规定，致使养老院内部爆发聚集性疫情", "造成不良影响");
        await edit.FillOfficialAsync(0, "王兆珩", "船营区民政局", "局长", "领导责任", "党内严重警告");
        await edit.FillOfficialAsync(1, "王尚义", "船营区民政局", "副局长", "领导责任", "免职");
        await BrowserHost.ScreenshotAsync(page, "70-accountability-edit");
        await edit.SaveAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/accountability/[0-9]+\\?done=case-saved$"));

        var detail = new AccountabilityDetailPage(page);
        await Assertions.Expect(detail.Status).ToHaveTextAsync("草稿");
        await Assertions.Expect(detail.Officials).ToContainTextAsync("王尚义");
        await detail.DecideAsync("吉林市纪委监委", "2022-04-09");
        await Assertions.Expect(detail.Status).ToHaveTextAsync("已决定");
        await BrowserHost.ScreenshotAsync(page, "70-accountability-decided");

        await page.GotoAsync("/notices/new");
        var composer = new NoticeComposerPage(page);
        await composer.PreviewAsync("吉林市纪委监委", "2022-04-09", "在疫情防控工作中履职不力，导致辖区养老院发生聚集性疫情问题");
        await Assertions.Expect(composer.Notice).ToContainTextAsync("一、船营区民政局局长王兆珩、副局长王尚义在疫情防控工作中履职不力");
        await Assertions.Expect(composer.Notice).ToContainTextAsync("王兆珩和王尚义负有领导责任。王兆珩、王尚义分别受到党内严重警告处分、免职处理。");
        await composer.PublishAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/notices/[0-9]+$"));
        await Assertions.Expect(page.GetByTestId("approve")).ToBeVisibleAsync();

        // Four eyes: the drafter cannot approve their own notice; a second inspector does, then it is published.
        var second = await host.NewPageAsync();
        await second.GotoAsync(page.Url);
        await new LoginPage(second).SignInAsync("jijian2", WebTestData.Password);
        await second.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/notices/[0-9]+$"));
        await second.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(second.GetByTestId("publish-approved")).ToBeVisibleAsync();
        await page.ReloadAsync();
        await page.GetByTestId("publish-approved").ClickAsync();
        await Assertions.Expect(page.GetByTestId("notice-log")).ToContainTextAsync("jijian2");
        await Assertions.Expect(page.GetByTestId("publish-approved")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("download-pdf")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("notice")).ToContainTextAsync("2022年4月9日");
        await BrowserHost.ScreenshotAsync(page, "70-notice");
    }

    /// <summary>Two inspectors: a notice is drafted by one and approved by the other (four eyes).</summary>
    private static Task AddInspectorAsync(TestDatabase database) =>
        TestUsers.AddAsync(database, ("jijian", Roles.Inspector, "2202"), ("jijian2", Roles.Inspector, "2202"));
}
