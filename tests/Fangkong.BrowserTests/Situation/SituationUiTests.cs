using Fangkong.BrowserTests.Pages;
using Fangkong.Demo;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fangkong.BrowserTests.Situation;

/// <summary>
/// The situation view in Chromium over the demo on a small population: at 1920×1080 with its
/// charts drawn, the big screen, and at phone width with the navigation folded behind its button.
/// </summary>
public sealed class SituationUiTests
{
    [Fact]
    public async Task CommandCentre_SituationView_AtFullHd_BigScreen_AndPhoneWidth()
    {
        await using var host = await BrowserHost.StartAsync(async db =>
        {
            await DemoGround.SeedAsync(db);
            await DemoGround.SeedLaterStepsAsync(db, withUsers: true);
        });

        var wide = await host.NewPageAsync(width: 1920, height: 1080);
        await wide.GotoAsync("/login");
        await new LoginPage(wide).SignInAsync("zhihuibu", DemoUsers.Password);
        await wide.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await wide.GotoAsync("/command");
        await Assertions.Expect(wide.GetByTestId("situation-title")).ToContainTextAsync("吉林市");
        await Assertions.Expect(wide.Locator("#fk-trend")).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(wide.Locator("#fk-units")).ToHaveAttributeAsync("data-ready", "true");
        (await wide.GetByTestId("tile").CountAsync()).ShouldBeGreaterThan(8);
        (await wide.Locator("#fk-trend canvas").CountAsync()).ShouldBe(1);
        // The groups are menus: one opens on a click and shows its entries.
        await wide.Locator("[data-group=testing] summary").ClickAsync();
        await Assertions.Expect(wide.Locator("[data-group=testing] a[href=testing]")).ToBeVisibleAsync();
        await wide.Locator("[data-group=testing] summary").ClickAsync();
        await BrowserHost.ScreenshotAsync(wide, "80-situation-1920");

        await wide.GetByTestId("big-screen-link").ClickAsync();
        await wide.WaitForURLAsync("**/command/screen**");
        await Assertions.Expect(wide.GetByTestId("big-screen")).ToBeVisibleAsync();
        await Assertions.Expect(wide.Locator("#fk-trend")).ToHaveAttributeAsync("data-ready", "true");
        (await wide.GetByTestId("nav-groups").CountAsync()).ShouldBe(0);
        await BrowserHost.ScreenshotAsync(wide, "81-situation-big-screen", fullPage: false);

        var phone = await host.NewPageAsync(width: 390, height: 844);
        await phone.GotoAsync("/login");
        await new LoginPage(phone).SignInAsync("zhihuibu", DemoUsers.Password);
        await phone.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await phone.GotoAsync("/command");
        await Assertions.Expect(phone.GetByTestId("situation-title")).ToBeVisibleAsync();
        await Assertions.Expect(phone.GetByTestId("nav-groups")).ToBeHiddenAsync();
        // Nothing wider than the phone: the page does not scroll sideways.
        (await phone.EvaluateAsync<int>("document.documentElement.scrollWidth")).ShouldBeLessThanOrEqualTo(390);
        await BrowserHost.ScreenshotAsync(phone, "82-situation-390");
        await phone.GetByTestId("nav-toggle").ClickAsync();
        await Assertions.Expect(phone.GetByTestId("nav-groups")).ToBeVisibleAsync();
        await phone.Locator("[data-group=quarantine] summary").ClickAsync();
        await Assertions.Expect(phone.Locator("[data-group=quarantine] a[href=dispatch]")).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(phone, "83-navigation-390");

        // A role's own home: the sampler starts at the console.
        var sampler = await host.NewPageAsync(width: 390, height: 844);
        await sampler.GotoAsync("/login");
        await new LoginPage(sampler).SignInAsync("caiyang", DemoUsers.Password);
        await sampler.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await sampler.GotoAsync("/");
        await Assertions.Expect(sampler.Locator("[data-testid=work-item]").First).ToHaveAttributeAsync("data-work", "console");
        await BrowserHost.ScreenshotAsync(sampler, "84-home-sampler-390");
    }
}
