using System.Globalization;
using Fangkong.BrowserTests.Pages;
using Fangkong.Common;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.IntegrationTests.Passes;
using Microsoft.Playwright;

namespace Fangkong.BrowserTests.DeadEnds;

/// <summary>
/// Issue 16, item 14: the bulletin page was empty until a date was typed; the pass form had no
/// default region and lost the identity number after a refusal.
/// </summary>
public sealed class BulletinAndPassUiTests
{
    [Fact]
    public async Task BulletinPage_OpensOnTodaysBulletin_WithNoDateTyped()
    {
        await using var host = await BrowserHost.StartAsync();
        var page = await host.NewPageAsync();
        await page.GotoAsync("/reports/daily");
        await new LoginPage(page).SignInAsync("county", WebTestData.Password);
        await page.WaitForURLAsync("**/reports/daily");

        var today = ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Assertions.Expect(page.Locator("#bulletin-date")).ToHaveValueAsync(today);
        await Assertions.Expect(page.GetByTestId("bulletin-zh")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("bulletin-units")).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(page, "16-14-bulletin-today");
    }

    [Fact]
    public async Task PassForm_StartsWithTheUsersRegion_AndARefusedIdentityNumberStaysTyped_WithItsMessageUnderIt()
    {
        await using var host = await BrowserHost.StartAsync();
        await PassesWorld.SeedAsync(host.Database);
        var page = await host.NewPageAsync();
        await page.GotoAsync("/passes/apply");
        await new LoginPage(page).SignInAsync("community", WebTestData.Password);
        await page.WaitForURLAsync("**/passes/apply");
        var form = page.GetByTestId("apply-form");
        await Assertions.Expect(form.Locator("input[name='Apply.Regions']")).ToHaveValueAsync(WebTestData.Community);

        // A typing error: the last digit does not match the GB 11643 check digit.
        var good = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);
        var typo = good[..17] + (good[17] == '0' ? '1' : '0');
        await form.Locator("select[name='Apply.Unit']").SelectOptionAsync(new SelectOptionValue { Label = "吉源保供超市 (220204003001)" });
        await form.Locator("input[name='Apply.HolderName']").FillAsync("张伟");
        await form.Locator("input[name='Apply.HolderIdNumber']").FillAsync(typo);
        await form.Locator("input[name='Apply.Purpose']").FillAsync("为吉源社区配送生活物资");
        await page.GetByTestId("submit-application").ClickAsync();

        var id = form.Locator("input[name='Apply.HolderIdNumber']");
        await Assertions.Expect(id).ToHaveValueAsync(typo);
        await Assertions.Expect(form.Locator("#pass-id ~ .validation-message")).ToBeVisibleAsync();
        await Assertions.Expect(form.Locator("input[name='Apply.Regions']")).ToHaveValueAsync(WebTestData.Community);
        await Assertions.Expect(form.Locator("input[name='Apply.HolderName']")).ToHaveValueAsync("张伟");
        await BrowserHost.ScreenshotAsync(page, "16-14-pass-refused");

        await id.FillAsync(good);
        await page.GetByTestId("submit-application").ClickAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/passes/[0-9]+$"));
    }
}
