using Fangkong.Access;
using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Quarantine;
using Fangkong.Quarantine.Transfers;
using Fangkong.BrowserTests.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Fangkong.BrowserTests.Quarantine.Transfers;

/// <summary>A placed contact through the dispatch board to check-in, leaving the end-of-day list, in the browser.</summary>
public sealed class TransfersUiTests
{
    [Fact]
    public async Task Dispatcher_DispatchesPicksUpAndDelivers_SiteStaffChecksIn_AndThePersonLeavesTheEndOfDayList()
    {
        await using var host = await BrowserHost.StartAsync();
        await SeedAsync(host.Database);

        var dispatcher = await host.NewPageAsync();
        await dispatcher.GotoAsync("/dispatch");
        await new LoginPage(dispatcher).SignInAsync("dispatcher", WebTestData.Password);
        await dispatcher.WaitForURLAsync("**/dispatch");
        var board = new DispatchPage(dispatcher);
        await board.OpenTransfersAsync();
        await Assertions.Expect(board.Notice).ToContainTextAsync("已生成转运任务");
        await Assertions.Expect(board.WaitingPeople).ToHaveCountAsync(1);
        await Assertions.Expect(board.WaitingPeople.First).ToContainTextAsync("张伟");
        await Assertions.Expect(board.WaitingPeople.First).Not.ToContainTextAsync(Zhang);

        await dispatcher.GotoAsync("/transfers/end-of-day");
        var eod = new EndOfDayPage(dispatcher);
        await Assertions.Expect(eod.People).ToHaveCountAsync(1);
        await Assertions.Expect(eod.People.First).ToContainTextAsync("张伟");
        await Assertions.Expect(eod.People.First).ToContainTextAsync("待转运");
        await BrowserHost.ScreenshotAsync(dispatcher, "50-end-of-day-waiting");

        await dispatcher.GotoAsync("/dispatch");
        await board.DispatchGroupAsync("张伟", "吉B12345（载客数 4）");
        await Assertions.Expect(board.Notice).ToContainTextAsync("已派车");
        await Assertions.Expect(board.BatchState).ToHaveTextAsync("已派车");
        await BrowserHost.ScreenshotAsync(dispatcher, "50-dispatch-board");
        await board.PickUpAsync();
        await Assertions.Expect(board.BatchState).ToHaveTextAsync("已接上");
        await board.ArriveAsync();
        await Assertions.Expect(board.BatchState).ToHaveTextAsync("已到达");
        // A dispatcher does not check people in: the site does.
        await Assertions.Expect(dispatcher.GetByTestId("check-in")).ToHaveCountAsync(0);

        var staff = await host.NewPageAsync();
        await staff.GotoAsync("/dispatch");
        await new LoginPage(staff).SignInAsync("site", WebTestData.Password);
        await staff.WaitForURLAsync("**/dispatch");
        var siteBoard = new DispatchPage(staff);
        await siteBoard.CheckInAsync("张伟");
        await Assertions.Expect(staff.GetByTestId("batch")).ToHaveCountAsync(0);

        await dispatcher.GotoAsync("/transfers/end-of-day");
        await Assertions.Expect(eod.People).ToHaveCountAsync(0);
        await Assertions.Expect(eod.Clear).ToBeVisibleAsync();
        await BrowserHost.ScreenshotAsync(dispatcher, "50-end-of-day-clear");

        await using var db = host.Database.NewContext();
        var placement = await db.Placements.SingleAsync();
        placement.State.ShouldBe(PlacementState.CheckedIn);
        await staff.GotoAsync($"/timeline/{placement.Id}");
        await Assertions.Expect(staff.GetByTestId("timeline-event")).ToHaveCountAsync(6);
        await Assertions.Expect(staff.GetByTestId("timeline")).ToContainTextAsync("入住");
        await BrowserHost.ScreenshotAsync(staff, "50-timeline");
    }

    private static readonly string Zhang = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);

    /// <summary>A dispatcher of 船营区, the city's site staff, a close contact of today placed in a hotel room three hours after identification, a vehicle.</summary>
    /// <param name="vehicleDisinfecting">The vehicle is back from a trip, being disinfected (消毒中), instead of on standby.</param>
    internal static async Task SeedAsync(TestDatabase database, bool vehicleDisinfecting = false)
    {
        await TestUsers.AddAsync(database, ("dispatcher", Roles.Dispatcher, WebTestData.County), ("site", Roles.QuarantineStaff, "2202"));

        await using var db = database.NewContext();
        var identified = DateTimeOffset.UtcNow.AddHours(-3);
        var today = ChinaTime.DayOf(identified);
        var policy = (await PolicyVersions.InForceAsync(db, WebTestData.Community, today)).Value!;
        var contact = Contact.Create(new Contact.Report("MJ-1", ContactKind.Close, "JL-1", null, Zhang, "张伟", WebTestData.Community, today, today, null), policy).Value!;
        db.Contacts.Add(contact);
        var site = QuarantineSite.Create(new QuarantineSite.Details("吉林宾馆", SiteKind.Hotel, WebTestData.County, "船营区解放东路1号", 43.84, 126.55, 10, "王经理", "0432-1234567")).Value!;
        db.QuarantineSites.Add(site);
        var vehicle = new Vehicle("吉B12345", 4, "司机 王师傅；医护 李护士", WebTestData.County);
        if (vehicleDisinfecting)
        {
            vehicle.StartTrip().ShouldBeNull();
            vehicle.EndTrip();
        }

        db.Vehicles.Add(vehicle);
        await db.SaveChangesAsync();
        var floor = SiteSection.Create(site, 1, null).Value!;
        db.SiteSections.Add(floor);
        await db.SaveChangesAsync();
        var room = QuarantineRoom.Create(site, floor, "0101", RoomKind.Single, 1, identified.AddDays(-1)).Value!;
        db.QuarantineRooms.Add(room);
        await db.SaveChangesAsync();
        var subject = new PlacementSubject(OccupantKind.CloseContact, null, contact.Id, null, "张伟", WebTestData.Community, null, identified);
        db.Placements.Add(Placement.Place(subject, site, room, identified.AddHours(1), "test").Value!);
        await db.SaveChangesAsync();
    }
}
