using Microsoft.Playwright;

namespace Fangkong.BrowserTests.Pages;

/// <summary>The person search page and its results.</summary>
public sealed class PersonSearchPage(IPage page)
{
    public ILocator Results => page.GetByTestId("person-results");

    public ILocator Count => page.GetByTestId("result-count");

    public async Task SearchAsync(string text)
    {
        var form = page.GetByTestId("person-search");
        await form.Locator("input[name=q]").FillAsync(text);
        await form.Locator("button[type=submit]").ClickAsync();
    }

    public Task OpenAsync(string name) => Results.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
}
