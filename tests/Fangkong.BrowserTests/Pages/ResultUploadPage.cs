using Microsoft.Playwright;

namespace Fangkong.BrowserTests.Pages;

/// <summary>The lab's result upload: a lab name and CSV lines.</summary>
public sealed class ResultUploadPage(IPage page)
{
    public ILocator Outcome => page.GetByTestId("upload-outcome");

    public async Task UploadAsync(string lab, string lines)
    {
        var form = page.GetByTestId("results-form");
        await form.Locator("#results-lab").FillAsync(lab);
        await form.Locator("#results-lines").FillAsync(lines);
        await form.Locator("button[type=submit]").ClickAsync();
    }
}
