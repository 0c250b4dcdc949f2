using Fangkong.BrowserTests.Pages;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using W = Fangkong.IntegrationTests.Cases.Investigation.InvestigationWorld;

namespace Fangkong.BrowserTests.DeadEnds;

/// <summary>
/// Issue 16, item 3: an itinerary stop was refused unless a numeric place id was typed, a cleared
/// exposure date answered "页面不存在", and candidates were confirmed one page reload at a time.
/// </summary>
public sealed class InvestigatorUiTests
{
    [Fact]
    public async Task Investigator_AddsStopsByPlaceName_RegistersANewPlace_AndConfirmsTickedCandidatesAtOnce()
    {
        await using var host = await BrowserHost.StartAsync();
        var world = await W.SeedAsync(host.Database, new DateOnly(2022, 4, 2));
        var page = await host.NewPageAsync();
        var investigation = $"/cases/{world.CaseId}/investigation";
        await page.GotoAsync(investigation);
        await new LoginPage(page).SignInAsync("investigator", WebTestData.Password);
        await page.WaitForURLAsync("**" + investigation);
        await page.GetByTestId("open").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-done")).ToContainTextAsync("已开始流调");

        var stop = page.GetByTestId("add-stop");
        await stop.Locator("input[type=datetime-local]").Nth(0).FillAsync("2022-03-31T09:00");
        await stop.Locator("input[type=datetime-local]").Nth(1).FillAsync("2022-03-31T10:00");
        await stop.GetByTestId("stop-place").FillAsync("东市场");
        await stop.GetByTestId("add-stop-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("itinerary")).ToContainTextAsync("东市场");

        await stop.Locator("input[type=datetime-local]").Nth(0).FillAsync("2022-03-31T12:00");
        await stop.Locator("input[type=datetime-local]").Nth(1).FillAsync("2022-03-31T13:00");
        await stop.GetByTestId("stop-place").FillAsync("和平饭店");
        await stop.GetByTestId("stop-new-place-kind").SelectOptionAsync(new SelectOptionValue { Value = "Hotel" });
        await stop.GetByTestId("add-stop-button").ClickAsync();
        await Assertions.Expect(page.GetByTestId("itinerary")).ToContainTextAsync("和平饭店");
        await Assertions.Expect(page.Locator("#pick-Stop-PlaceId option").Filter(new() { HasText = "和平饭店" })).ToHaveCountAsync(1);
        await BrowserHost.ScreenshotAsync(page, "16-03-itinerary-by-name");

        // A cleared exposure date stays on this page: confirmed with the last exposure, or refused next to the date.
        var first = page.GetByTestId("candidate").First;
        await first.Locator("input[type=date]").FillAsync(string.Empty);
        await first.GetByRole(AriaRole.Button, new() { Name = "判为密接" }).ClickAsync();
        await Assertions.Expect(page.Locator("body")).Not.ToContainTextAsync("页面不存在");
        await Assertions.Expect(page.GetByTestId("add-stop")).ToBeVisibleAsync();

        var proposed = await page.GetByTestId("candidate").CountAsync();
        proposed.ShouldBeGreaterThanOrEqualTo(2);
        var ticked = page.GetByTestId("candidate-tick");
        await ticked.Nth(0).CheckAsync();
        await ticked.Nth(1).CheckAsync();
        await page.GetByTestId("confirm-ticked").ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-done")).ToContainTextAsync("已判为密切接触者");
        await Assertions.Expect(page.GetByTestId("candidate")).ToHaveCountAsync(proposed - 2);
        await BrowserHost.ScreenshotAsync(page, "16-03-bulk-confirmed");
    }
}
