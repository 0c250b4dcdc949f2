using Fangkong.BrowserTests.Pages;
using Fangkong.IntegrationTests.Areas;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fangkong.BrowserTests.Areas;

/// <summary>A positive proposes a seal, the county approves it, the map colours the county, and anyone can look the compound up.</summary>
public sealed class AreaUiTests
{
    [Fact]
    public async Task County_EvaluatesApprovesASeal_TheMapColoursTheCounty_AndThePublicSeesTheStatus()
    {
        await using var host = await BrowserHost.StartAsync();
        var world = await CriteriaWorld.CreateAsync(host.Database, seeded: true);
        await world.AddCaseAsync(CriteriaWorld.ResidentB1, CriteriaWorld.Day);

        var county = await host.NewPageAsync();
        await county.GotoAsync("/areas");
        await new LoginPage(county).SignInAsync("county", WebTestData.Password);
        await county.WaitForURLAsync("**/areas");
        await Assertions.Expect(county.GetByTestId("no-proposals")).ToBeVisibleAsync();

        var evaluate = county.GetByTestId("evaluate-form");
        await evaluate.Locator("#day").FillAsync("2022-04-20");
        await evaluate.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(county.GetByTestId("evaluated")).ToContainTextAsync("新建议 1 条");
        var row = county.GetByTestId("proposal-row");
        await Assertions.Expect(row).ToContainTextAsync("松北小区");
        await Assertions.Expect(row).ToContainTextAsync("封控区");
        await BrowserHost.ScreenshotAsync(county, "30-area-proposal");

        await row.Locator("input[name='Decide.Reason']").FillAsync("指挥部会商同意");
        await row.Locator("input[name='Decide.ApprovingBody']").FillAsync("船营区疫情防控指挥部");
        await row.GetByTestId("approve").ClickAsync();
        await Assertions.Expect(county.GetByTestId("decided")).ToBeVisibleAsync();
        await Assertions.Expect(county.GetByTestId("designations")).ToContainTextAsync("松北小区");

        await county.GotoAsync("/areas/map?county=" + WebTestData.County);
        await Assertions.Expect(county.Locator("#area-map[data-ready=true] canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(county.GetByTestId("county-row").Filter(new() { HasText = "船营区" }).GetByTestId("county-worst")).ToHaveTextAsync("封控区");
        await Assertions.Expect(county.GetByTestId("below-card")).ToContainTextAsync("松北小区");
        await BrowserHost.ScreenshotAsync(county, "30-area-map");

        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync("/area-status");
        await visitor.Locator("#q").FillAsync("松北");
        await visitor.Locator("form[role=search] button[type=submit]").ClickAsync();
        var place = visitor.GetByTestId("place").Filter(new() { HasText = "松北小区" });
        await Assertions.Expect(place.GetByTestId("place-level")).ToContainTextAsync("封控区");
        await Assertions.Expect(place.GetByTestId("place-meaning")).ToContainTextAsync("足不出户、服务上门");
        await Assertions.Expect(visitor.Locator("body")).Not.ToContainTextAsync(CriteriaWorld.ResidentB1);
        await BrowserHost.ScreenshotAsync(visitor, "30-area-status");
    }
}
