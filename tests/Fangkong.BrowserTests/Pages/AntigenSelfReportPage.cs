using Microsoft.Playwright;

namespace Fangkong.BrowserTests.Pages;

/// <summary>The public antigen page: a resident's identity number, registered phone, result and test time.</summary>
public sealed class AntigenSelfReportPage(IPage page)
{
    public ILocator Outcome => page.GetByTestId("antigen-outcome");

    public ILocator Error => page.GetByTestId("form-error");

    /// <param name="testedAt">Beijing time as the datetime-local field takes it: yyyy-MM-ddTHH:mm.</param>
    public async Task ReportAsync(string idNumber, string phone, string result, string testedAt)
    {
        var form = page.GetByTestId("antigen-form");
        await form.Locator("input[name=idNumber]").FillAsync(idNumber);
        await form.Locator("input[name=phone]").FillAsync(phone);
        await form.Locator($"input[name=result][value={result}]").CheckAsync();
        await form.Locator("input[name=testedAt]").FillAsync(testedAt);
        await form.Locator("button[type=submit]").ClickAsync();
    }
}
