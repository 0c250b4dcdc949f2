using Microsoft.Playwright;

namespace Fangkong.BrowserTests.Quarantine.Transfers;

/// <summary>The dispatch board: open transfers, dispatch a waiting group, then pick-up, arrival and check-in of a batch.</summary>
public sealed class DispatchPage(IPage page)
{
    public ILocator WaitingCount => page.GetByTestId("waiting-count");

    public ILocator WaitingPeople => page.GetByTestId("waiting-person");

    public ILocator Batches => page.GetByTestId("batch");

    public ILocator Notice => page.GetByTestId("notice");

    public Task OpenTransfersAsync() => page.GetByTestId("open-transfers").ClickAsync();

    public async Task DispatchGroupAsync(string person, string vehicleLabel)
    {
        var group = page.GetByTestId("waiting-group").Filter(new() { HasText = person });
        await group.GetByTestId("vehicle-select").SelectOptionAsync(new SelectOptionValue { Label = vehicleLabel });
        await group.GetByTestId("dispatch").ClickAsync();
    }

    public Task PickUpAsync() => Batches.First.GetByTestId("pick-up").ClickAsync();

    public Task ArriveAsync() => Batches.First.GetByTestId("arrive").ClickAsync();

    public ILocator BatchState => Batches.First.GetByTestId("batch-state");

    public Task CheckInAsync(string person) =>
        page.GetByTestId("batch-person").Filter(new() { HasText = person }).GetByTestId("check-in").ClickAsync();
}

/// <summary>The end-of-day (日清日结) list of people not checked in.</summary>
public sealed class EndOfDayPage(IPage page)
{
    public ILocator People => page.GetByTestId("eod-person");

    public ILocator Total => page.GetByTestId("eod-total");

    public ILocator Clear => page.GetByTestId("eod-clear");
}
