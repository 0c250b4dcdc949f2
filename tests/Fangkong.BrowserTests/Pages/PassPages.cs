using Microsoft.Playwright;

namespace Fangkong.BrowserTests.Pages;

/// <summary>The application form for a pass.</summary>
public sealed class PassApplyPage(IPage page)
{
    private ILocator Form => page.GetByTestId("apply-form");

    public async Task ApplyAsync(string kind, string unit, string regions, string holder, string idNumber, string plate, string purpose)
    {
        await Form.Locator("select[name='Apply.Kind']").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await Form.Locator("select[name='Apply.Unit']").SelectOptionAsync(new SelectOptionValue { Label = unit });
        await Form.Locator("input[name='Apply.Regions']").FillAsync(regions);
        await Form.Locator("input[name='Apply.HolderName']").FillAsync(holder);
        await Form.Locator("input[name='Apply.HolderIdNumber']").FillAsync(idNumber);
        await Form.Locator("input[name='Apply.Plate']").FillAsync(plate);
        await Form.Locator("input[name='Apply.Purpose']").FillAsync(purpose);
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
        await form.Locator("select[name='QuotaInput.Unit']").SelectOptionAsync(new SelectOptionValue { Label = unit });
        await form.Locator("select[name='QuotaInput.Kind']").SelectOptionAsync(new SelectOptionValue { Label = kind });
        await form.Locator("input[name='QuotaInput.Limit']").FillAsync(limit.ToString(System.Globalization.CultureInfo.InvariantCulture));
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
        await form.Locator("input[name='Checkpoint.Name']").FillAsync(name);
        await form.Locator("input[name='Checkpoint.Region']").FillAsync(region);
        await form.Locator("input[name='Checkpoint.Location']").FillAsync(location);
        await form.Locator("input[name='Checkpoint.OnDuty']").FillAsync(onDuty);
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
        await page.GetByTestId("scan-form").Locator("textarea[name='ScanForm.Token']").FillAsync(token);
        await page.GetByTestId("verify").ClickAsync();
    }
}
