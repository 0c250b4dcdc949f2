using Microsoft.Playwright;

namespace Fangkong.BrowserTests.Pages;

/// <summary>The sampling-point console: tube, ID number, point and pool size; the outcome and the tube's fill.</summary>
public sealed class TestingConsolePage(IPage page)
{
    public ILocator Outcome => page.GetByTestId("scan-outcome");

    public ILocator TubeFill => page.GetByTestId("tube-fill");

    private ILocator Form => page.GetByTestId("scan-form");

    /// <summary>Scans a person into a tube; the tube, point and pool size stay filled in for the next person.</summary>
    public async Task ScanAsync(string tube, string idNumber, string point, int poolSize)
    {
        await Form.Locator("input[name='Scan.Tube']").FillAsync(tube);
        await Form.Locator("input[name='Scan.IdNumber']").FillAsync(idNumber);
        await Form.Locator("input[name='Scan.Point']").FillAsync(point);
        await Form.Locator("select[name='Scan.PoolSize']").SelectOptionAsync(poolSize.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await Form.Locator("button[type=submit]").ClickAsync();
    }

    /// <summary>Scans the next person into the tube still filled in.</summary>
    public async Task ScanNextAsync(string idNumber)
    {
        await Form.Locator("input[name='Scan.IdNumber']").FillAsync(idNumber);
        await Form.Locator("button[type=submit]").ClickAsync();
    }
}
