using Microsoft.Playwright;

namespace Fangkong.BrowserTests.Pages;

/// <summary>The board of positive pools: one card per tube with its members' control and re-test status.</summary>
public sealed class PositiveBoardPage(IPage page)
{
    public ILocator Count => page.GetByTestId("result-count");

    public ILocator Pool(string barcode) => page.GetByTestId($"pool-{barcode}");
}
