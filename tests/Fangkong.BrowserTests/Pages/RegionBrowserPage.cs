using Microsoft.Playwright;

namespace Fangkong.BrowserTests.Pages;

/// <summary>The region browser: breadcrumb, subdivisions with residents, link to the people.</summary>
public sealed class RegionBrowserPage(IPage page)
{
    public ILocator Breadcrumb => page.GetByTestId("breadcrumb");

    public ILocator Children => page.GetByTestId("region-children");

    public ILocator Population => page.GetByTestId("region-population");

    public Task OpenChildAsync(string name) => Children.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();

    public Task OpenPeopleAsync(string linkText) => page.GetByRole(AriaRole.Link, new() { Name = linkText }).ClickAsync();
}
