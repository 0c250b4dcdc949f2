using Microsoft.Playwright;

namespace Fangkong.BrowserTests.Pages;

/// <summary>The sign-in page.</summary>
public sealed class LoginPage(IPage page)
{
    public ILocator Error => page.GetByTestId("login-error");

    public async Task SignInAsync(string user, string password)
    {
        await page.Locator("#userName").FillAsync(user);
        await page.Locator("#password").FillAsync(password);
        await page.Locator("form[action='account/login'] button[type=submit]").ClickAsync();
    }
}
