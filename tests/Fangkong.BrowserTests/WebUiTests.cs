using Fangkong.BrowserTests.Pages;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fangkong.BrowserTests;

/// <summary>A county worker's path through the pages, in Chromium, with screenshots of each step.</summary>
public sealed class WebUiTests
{
    [Fact]
    public async Task CountyWorker_SignsIn_DrillsDownToACommunity_AndOpensAMaskedRecord()
    {
        await using var host = await BrowserHost.StartAsync();
        var page = await host.NewPageAsync();

        await page.GotoAsync("/regions");
        page.Url.ShouldContain("/login");
        await new LoginPage(page).SignInAsync("county", WebTestData.Password);
        await page.WaitForURLAsync("**/regions");
        await Assertions.Expect(page.GetByTestId("current-user")).ToContainTextAsync("测试用户 county");

        var regions = new RegionBrowserPage(page);
        await Assertions.Expect(regions.Breadcrumb).ToContainTextAsync("船营区");
        await Assertions.Expect(regions.Population).ToHaveTextAsync("3");
        await BrowserHost.ScreenshotAsync(page, "01-county");
        await regions.OpenChildAsync("大东街道");
        await regions.OpenChildAsync("吉源社区");
        await Assertions.Expect(regions.Breadcrumb).ToContainTextAsync("大东街道");
        await Assertions.Expect(regions.Population).ToHaveTextAsync("2");
        await BrowserHost.ScreenshotAsync(page, "02-community");

        await regions.OpenPeopleAsync("查看人员");
        var search = new PersonSearchPage(page);
        await Assertions.Expect(search.Count).ToHaveTextAsync("共 2 人");
        await Assertions.Expect(search.Results).ToContainTextAsync("李娜");
        await Assertions.Expect(search.Results).Not.ToContainTextAsync("王芳");
        await BrowserHost.ScreenshotAsync(page, "03-people");

        await search.OpenAsync("张伟");
        await Assertions.Expect(page.GetByTestId("person-name")).ToHaveTextAsync("张伟");
        var id = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);
        await Assertions.Expect(page.GetByTestId("person-document")).ToHaveTextAsync(id[..6] + "********" + id[14..17] + "*");
        await BrowserHost.ScreenshotAsync(page, "04-person");
    }

    [Fact]
    public async Task Search_FindsByName_AndTheLanguageSwitchShowsEnglishAndBack()
    {
        await using var host = await BrowserHost.StartAsync();
        var page = await host.NewPageAsync();
        await page.GotoAsync("/login");
        await new LoginPage(page).SignInAsync("investigator", WebTestData.Password);
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));

        await page.GotoAsync("/persons");
        var search = new PersonSearchPage(page);
        await search.SearchAsync("王芳");
        await Assertions.Expect(search.Count).ToHaveTextAsync("共 1 人");
        // Investigators see full numbers and phones.
        await Assertions.Expect(search.Results).ToContainTextAsync("13904321003");

        await page.GetByTestId("language-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(search.Count).ToHaveTextAsync("1 people");
        // The navigation is in English too: the registry group (a folded menu) opens onto "People".
        var registry = page.Locator("nav summary", new() { HasText = "Registry" });
        await registry.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "People" })).ToBeVisibleAsync();
        await registry.ClickAsync(); // closed again: the open menu covers the language switch
        await BrowserHost.ScreenshotAsync(page, "05-people-en");

        await page.GetByTestId("language-switch").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
    }

    [Fact]
    public async Task WrongPassword_IsRefused_WithAChineseMessage_AndAboveTheJurisdictionIsForbidden()
    {
        await using var host = await BrowserHost.StartAsync();
        var page = await host.NewPageAsync();
        await page.GotoAsync("/login");
        var login = new LoginPage(page);

        await login.SignInAsync("county", "not-the-password1");
        await Assertions.Expect(login.Error).ToHaveTextAsync("用户名或密码错误。");
        await BrowserHost.ScreenshotAsync(page, "06-login-refused");

        await login.SignInAsync("county", WebTestData.Password);
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        var response = await page.GotoAsync("/regions/2202");
        response!.Status.ShouldBe(403);
        await Assertions.Expect(page.GetByTestId("error")).ToContainTextAsync("无权访问");
    }
}
