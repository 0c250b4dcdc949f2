using Microsoft.Playwright;

namespace Fangkong.BrowserTests.Pages;

/// <summary>The application form for a pass.</summary>
public sealed class PassApplyPage(IPage page)
{
    private ILocator Form => page.GetByTestId("apply-form");

    public async Task ApplyAsync(string kind, string unit, string regions, string holder, string idNumber, string plate, string purpose)
    {
        await Form.Locator("select[name=kind]").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await Form.Locator("select[name=unit]").SelectOptionAsync(new SelectOptionValue { Label = unit });
        await Form.Locator("input[name=regions]").FillAsync(regions);
        await Form.Locator("input[name=holderName]").FillAsync(holder);
        await Form.Locator("input[name=idNumber]").FillAsync(idNumber);
        await Form.Locator("input[name=plate]").FillAsync(plate);
        await Form.Locator("input[name=purpose]").FillAsync(purpose);
        await page.GetByTestId("submit-application").ClickAsync();
    }
}

/// <summary>The passes list: the approval queue with its approve buttons, and the quota form.</summary>
public sealed class PassListPage(IPage page)
{
    public ILocator Rows => page.GetByTestId("pass-row");

    public async Task SetQuotaAsync(string unit, string kind, int limit)
    {
        var form = page.GetByTestId("quota-form");
        await form.Locator("select[name=unit]").SelectOptionAsync(new SelectOptionValue { Label = unit });
        await form.Locator("select[name=kind]").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await form.Locator("input[name=limit]").FillAsync(limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await form.Locator("button[type=submit]").ClickAsync();
    }

    public Task ApproveAsync(string holder) => Rows.Filter(new() { HasText = holder }).GetByTestId("approve").ClickAsync();
}

/// <summary>One pass: its status, QR code and token text.</summary>
public sealed class PassDetailPage(IPage page)
{
    public ILocator Status => page.GetByTestId("pass-status");

    public ILocator QrCode => page.GetByTestId("qr");

    public Task<string> TokenAsync() => page.GetByTestId("token").InputValueAsync();
}

/// <summary>Checkpoints: the form that sets one up, and the links to their scan pages.</summary>
public sealed class CheckpointsPage(IPage page)
{
    public async Task CreateAsync(string name, string region, string location, string onDuty)
    {
        var form = page.GetByTestId("checkpoint-form");
        await form.Locator("input[name=name]").FillAsync(name);
        await form.Locator("input[name=region]").FillAsync(region);
        await form.Locator("input[name=location]").FillAsync(location);
        await form.Locator("input[name=onDuty]").FillAsync(onDuty);
        await form.Locator("button[type=submit]").ClickAsync();
    }

    public Task OpenScanAsync(string name) =>
        page.GetByTestId("checkpoints").Locator("tr", new() { HasText = name }).GetByTestId("scan-link").ClickAsync();
}

/// <summary>The checkpoint's phone scan page: paste a pass code, verify, read the verdict.</summary>
public sealed class CheckpointScanPage(IPage page)
{
    public ILocator Verdict => page.GetByTestId("verdict");

    public async Task VerifyAsync(string token)
    {
        await page.GetByTestId("scan-form").Locator("textarea[name=token]").FillAsync(token);
        await page.GetByTestId("verify").ClickAsync();
    }
}
