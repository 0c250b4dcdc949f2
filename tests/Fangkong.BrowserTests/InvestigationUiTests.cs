using Fangkong.BrowserTests.Pages;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.Playwright;
using W = Fangkong.IntegrationTests.Cases.Investigation.InvestigationWorld;

namespace Fangkong.BrowserTests;

/// <summary>流调 in the browser: a case's investigation opened, a proposed household member confirmed, the contact listed with its quarantine.</summary>
public sealed class InvestigationUiTests
{
    [Fact]
    public async Task Investigator_OpensTheInvestigation_ConfirmsTheHouseholdCandidate_AndTheContactsPageListsHer()
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
        var chenLi = page.GetByTestId("candidate").Filter(new() { HasText = "陈丽" });
        await Assertions.Expect(chenLi).ToContainTextAsync("同户");
        await BrowserHost.ScreenshotAsync(page, "30-investigation-candidates");

        await chenLi.GetByRole(AriaRole.Button, new() { Name = "判为密接" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("form-done")).ToContainTextAsync("已判为密切接触者");
        await Assertions.Expect(page.GetByTestId("decided")).ToContainTextAsync("陈丽");

        await page.GotoAsync("/contacts");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync("陈丽");
        await Assertions.Expect(page.Locator("table")).ToContainTextAsync(W.CaseNo);
        await BrowserHost.ScreenshotAsync(page, "30-contacts");
    }
}
