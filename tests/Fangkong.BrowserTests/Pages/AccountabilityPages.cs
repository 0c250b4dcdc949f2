using Microsoft.Playwright;

namespace Fangkong.BrowserTests.Pages;

/// <summary>The accountability case form: the matter and one official's row.</summary>
public sealed class AccountabilityEditPage(IPage page)
{
    private ILocator Form => page.GetByTestId("case-form");

    public async Task FillMatterAsync(string region, string title, string facts, string consequence)
    {
        await Form.Locator("input[name=region]").FillAsync(region);
        await Form.Locator("input[name=title]").FillAsync(title);
        await Form.Locator("textarea[name=facts]").FillAsync(facts);
        await Form.Locator("input[name=consequence]").FillAsync(consequence);
    }

    public async Task FillOfficialAsync(int row, string name, string unit, string post, string responsibility, params string[] measures)
    {
        var p = $"o{row}.";
        await Form.Locator($"input[name='{p}name']").FillAsync(name);
        await Form.Locator($"input[name='{p}unit']").FillAsync(unit);
        await Form.Locator($"input[name='{p}post']").FillAsync(post);
        await Form.Locator($"select[name='{p}responsibility']").SelectOptionAsync(new SelectOptionValue { Label = responsibility });
        await Form.Locator($"select[name='{p}measures']").SelectOptionAsync(measures.Select(m => new SelectOptionValue { Label = m }));
    }

    public Task SaveAsync() => page.GetByTestId("save").ClickAsync();
}

/// <summary>A case's page: status, officials and the decide form.</summary>
public sealed class AccountabilityDetailPage(IPage page)
{
    public ILocator Status => page.GetByTestId("status");

    public ILocator Officials => page.GetByTestId("officials");

    public async Task DecideAsync(string body, string date)
    {
        var form = page.GetByTestId("decide-form");
        await form.Locator("input[name='Decide.DecidingBody']").FillAsync(body);
        await form.Locator("input[name='Decide.DecidedOn']").FillAsync(date);
        await page.GetByTestId("decide").ClickAsync();
    }
}

/// <summary>The notice composer: issuer, the cases ticked with their order, preview and publish.</summary>
public sealed class NoticeComposerPage(IPage page)
{
    public ILocator Notice => page.GetByTestId("notice");

    public async Task PreviewAsync(string issuingBody, string date, params string[] titles)
    {
        var form = page.GetByTestId("compose-form");
        await form.Locator("input[name=issuingBody]").FillAsync(issuingBody);
        await form.Locator("input[name=issuedOn]").FillAsync(date);
        foreach (var title in titles)
        {
            await page.GetByLabel(title, new() { Exact = true }).First.CheckAsync();
        }

        await page.GetByTestId("preview").ClickAsync();
    }

    public Task PublishAsync() => page.GetByTestId("publish").ClickAsync();
}
