using Microsoft.Playwright;

namespace Fangkong.BrowserTests.Pages;

/// <summary>The list of testing rounds with its form for a new round.</summary>
public sealed class TestingRoundsPage(IPage page)
{
    public async Task CreateAsync(string name, string region, int poolSize)
    {
        var form = page.GetByTestId("new-round");
        await form.Locator("input[name='Round.Name']").FillAsync(name);
        await form.Locator("input[name='Round.Region']").FillAsync(region);
        await form.Locator("select[name='Round.PoolSize']").SelectOptionAsync(poolSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.Locator("button[type=submit]").ClickAsync();
    }
}
