using Fangkong.BrowserTests.Pages;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.Playwright;

namespace Fangkong.BrowserTests.Quarantine.Transfers;

/// <summary>
/// Issue 16, item 2: with the only vehicle 消毒中, 派车 offered an empty list. The board now says why
/// and links to the fleet, where the dispatcher records the disinfection done (who, when) and the
/// vehicle is offered again.
/// </summary>
public sealed class VehicleCycleUiTests
{
    [Fact]
    public async Task Dispatcher_WithTheOnlyVehicleDisinfecting_SeesWhy_RecordsItDisinfected_AndDispatches()
    {
        await using var host = await BrowserHost.StartAsync();
        await TransfersUiTests.SeedAsync(host.Database, vehicleDisinfecting: true);

        var page = await host.NewPageAsync();
        await page.GotoAsync("/dispatch");
        await new LoginPage(page).SignInAsync("dispatcher", WebTestData.Password);
        await page.WaitForURLAsync("**/dispatch");
        var board = new DispatchPage(page);
        await board.OpenTransfersAsync();
        await Assertions.Expect(board.WaitingPeople).ToHaveCountAsync(1);

        var group = page.GetByTestId("waiting-group");
        await Assertions.Expect(group.GetByTestId("vehicle-select")).ToHaveCountAsync(0);
        await Assertions.Expect(group.GetByTestId("no-vehicle")).ToContainTextAsync("消毒中 1 辆");
        await BrowserHost.ScreenshotAsync(page, "16-02-no-vehicle");
        await group.GetByTestId("fleet-link").ClickAsync();
        await page.WaitForURLAsync("**/dispatch#fleet");

        var vehicle = page.GetByTestId("vehicle").Filter(new() { HasText = "吉B12345" });
        await Assertions.Expect(vehicle.GetByTestId("vehicle-state")).ToHaveTextAsync("消毒中");
        await vehicle.GetByTestId("disinfected").ClickAsync();
        await Assertions.Expect(board.Notice).ToContainTextAsync("已消毒");
        await Assertions.Expect(vehicle.GetByTestId("vehicle-state")).ToHaveTextAsync("待命");
        await Assertions.Expect(vehicle.GetByTestId("vehicle-disinfected")).ToContainTextAsync("dispatcher");
        await Assertions.Expect(vehicle.GetByTestId("disinfected")).ToHaveCountAsync(0);
        await BrowserHost.ScreenshotAsync(page, "16-02-vehicle-disinfected");

        await board.DispatchGroupAsync("张伟", "吉B12345（载客数 4）");
        await Assertions.Expect(board.Notice).ToContainTextAsync("已派车");
        await Assertions.Expect(board.BatchState).ToHaveTextAsync("已派车");
    }
}
