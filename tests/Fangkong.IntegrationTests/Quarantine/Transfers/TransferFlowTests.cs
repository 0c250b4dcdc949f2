using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Quarantine;
using Fangkong.Quarantine.Stay;
using Fangkong.Quarantine.Transfers;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Quarantine.Transfers.FlowWorld;

namespace Fangkong.IntegrationTests.Quarantine.Transfers;

/// <summary>Transfers from home to site: vehicles and their seats, batch steps, the clock, the end-of-day list and jurisdiction.</summary>
public sealed class TransferFlowTests
{
    private static readonly TimeProvider Time = TimeProvider.System;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Dispatch_MorePeopleThanSeats_IsRefusedWithBothNumbers_AndAFullVehicleIsAccepted(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        var site = await QuarantineWorld.SiteAsync(db, "吉林宾馆", perFloor: 3);
        foreach (var (no, id, name, region) in new[] { ("MJ-1", Zhang, "张伟", WebTestData.Community), ("MJ-2", Li, "李娜", WebTestData.Community), ("MJ-3", Wang, "王芳", WebTestData.OtherCommunity) })
        {
            await PlaceContactAsync(db, site, await ContactAsync(db, no, id, name, region));
        }

        var vehicle = await VehicleAsync(db, "吉B12345", 2);
        var opened = await OpenTransfers.HandleAsync(db, Time);
        opened.Value!.Count.ShouldBe(3);
        (await OpenTransfers.HandleAsync(db, Time)).Value!.Count.ShouldBe(0);
        var ids = opened.Value.Ids;

        var over = await DispatchBatch.HandleAsync(db, Time, new DispatchBatch.Command(vehicle.Id, ids, T0.AddHours(2)));

        over.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        over.Error.Message.ShouldContain("限载 2 人，本批 3 人");
        var full = await DispatchBatch.HandleAsync(db, Time, new DispatchBatch.Command(vehicle.Id, ids.Take(2).ToList(), T0.AddHours(2)));
        full.IsSuccess.ShouldBeTrue(full.Error?.Message);
        (full.Value!.Passengers, full.Value.Capacity).ShouldBe((2, 2));
        (await db.Vehicles.AsNoTracking().SingleAsync()).State.ShouldBe(VehicleState.OnTrip);
        var again = await DispatchBatch.HandleAsync(db, Time, new DispatchBatch.Command(vehicle.Id, [ids[2]], T0.AddHours(2)));
        again.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        again.Error.Message.ShouldContain("不可派");
        var twice = await DispatchBatch.HandleAsync(db, Time, new DispatchBatch.Command((await VehicleAsync(db, "吉B54321", 4)).Id, [ids[0]], T0.AddHours(2)));
        twice.Error!.Message.ShouldContain("已不是待转运");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Steps_OutOfOrder_AreRefused_AndTheClockRunsFromIdentificationToCheckIn(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        var site = await QuarantineWorld.SiteAsync(db, "吉林宾馆");
        var placement = await PlaceContactAsync(db, site, await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community));
        var vehicle = await VehicleAsync(db, "吉B12345", 4);
        var task = (await OpenTransfers.HandleAsync(db, Time)).Value!.Ids.Single();

        (await DispatchBatch.HandleAsync(db, Time, new DispatchBatch.Command(vehicle.Id, [task], T0.AddMinutes(-1)))).Error!.Field.ShouldBe("at");
        var batch = (await DispatchBatch.HandleAsync(db, Time, new DispatchBatch.Command(vehicle.Id, [task], T0.AddHours(2)))).Value!.BatchId;
        (await AdvanceBatch.ArriveAsync(db, Time, batch, new AdvanceBatch.ArriveCommand(T0.AddHours(3)))).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        (await AdvanceBatch.PickUpAsync(db, Time, batch, new AdvanceBatch.PickUpCommand([], T0.AddHours(1)))).Error!.Field.ShouldBe("at");
        (await AdvanceBatch.PickUpAsync(db, Time, batch, new AdvanceBatch.PickUpCommand([], T0.AddHours(3)))).IsSuccess.ShouldBeTrue();
        var early = await CheckIn.HandleAsync(db, Time, new CheckIn.Command(task, null, T0.AddHours(4)));
        early.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        early.Error.Message.ShouldContain("尚未到达");
        (await AdvanceBatch.ArriveAsync(db, Time, batch, new AdvanceBatch.ArriveCommand(T0.AddHours(4)))).IsSuccess.ShouldBeTrue();

        var checkedIn = await CheckIn.HandleAsync(db, Time, new CheckIn.Command(task, null, T0.AddHours(4.5)));

        checkedIn.IsSuccess.ShouldBeTrue(checkedIn.Error?.Message);
        checkedIn.Value!.HoursFromIdentification.ShouldBe(4.5);
        await using var check = database.NewContext();
        var stored = await check.TransferTasks.SingleAsync();
        (stored.State, stored.Elapsed(DateTimeOffset.UtcNow)).ShouldBe((TransferState.CheckedIn, TimeSpan.FromHours(4.5)));
        (await check.TransferBatches.SingleAsync()).State.ShouldBe(BatchState.Completed);
        (await check.Vehicles.SingleAsync()).State.ShouldBe(VehicleState.Disinfecting);
        (await check.Placements.SingleAsync(p => p.Id == placement.Id)).State.ShouldBe(PlacementState.CheckedIn);
        var repeat = await CheckIn.HandleAsync(check, Time, new CheckIn.Command(task, null, T0.AddHours(5)));
        repeat.Value!.AlreadyCheckedIn.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EndOfDayList_CheckInAt2359_LeavesTheDaysList_ButAt0001TheNextDayTheDayEndsWithThePersonWaiting(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        var site = await QuarantineWorld.SiteAsync(db, "吉林宾馆");
        var zhang = await PlaceContactAsync(db, site, await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community));
        var li = await PlaceContactAsync(db, site, await ContactAsync(db, "MJ-2", Li, "李娜", WebTestData.Community));
        var vehicle = await VehicleAsync(db, "吉B12345", 4);
        var tasks = (await OpenTransfers.HandleAsync(db, Time)).Value!.Ids;
        var midnight = new DateTimeOffset(2022, 3, 21, 0, 0, 0, TimeSpan.FromHours(8));

        var before = (await EndOfDayList.HandleAsync(db, Time, Day1, null)).Value!;
        before.Waiting.ShouldBe(2);
        before.Counties.Single().Code.ShouldBe(WebTestData.County);
        before.Counties.Single().Name.ShouldBe("船营区");

        var batch = (await DispatchBatch.HandleAsync(db, Time, new DispatchBatch.Command(vehicle.Id, tasks, midnight.AddHours(-3)))).Value!.BatchId;
        await AdvanceBatch.PickUpAsync(db, Time, batch, new AdvanceBatch.PickUpCommand([], midnight.AddHours(-2)));
        await AdvanceBatch.ArriveAsync(db, Time, batch, new AdvanceBatch.ArriveCommand(midnight.AddMinutes(-5)));
        (await CheckIn.HandleAsync(db, Time, new CheckIn.Command(tasks[0], null, midnight.AddMinutes(-1)))).IsSuccess.ShouldBeTrue();
        (await CheckIn.HandleAsync(db, Time, new CheckIn.Command(tasks[1], null, midnight.AddMinutes(1)))).IsSuccess.ShouldBeTrue();

        var day1 = (await EndOfDayList.HandleAsync(db, Time, Day1, null)).Value!;
        var waiting = day1.Counties.Single().People.ShouldHaveSingleItem();
        (waiting.Name, waiting.State).ShouldBe(("李娜", TransferState.Arrived));
        waiting.HoursWaiting.ShouldBe(16);
        (await EndOfDayList.HandleAsync(db, Time, Day1.AddDays(1), null)).Value!.Waiting.ShouldBe(0);
        (await db.Placements.AsNoTracking().Where(p => p.Id == zhang.Id || p.Id == li.Id).CountAsync(p => p.State == PlacementState.CheckedIn)).ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PickUp_WithAnAbsentPerson_SendsHimBackToWaiting_AndAnotherCitysSiteIsACrossCityTransfer(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        var changchun = await QuarantineWorld.SiteAsync(db, "长春南关隔离酒店", region: Nanguan, perFloor: 2);
        await PlaceContactAsync(db, changchun, await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community));
        await PlaceContactAsync(db, changchun, await ContactAsync(db, "MJ-2", Li, "李娜", WebTestData.Community));
        var vehicle = await VehicleAsync(db, "吉B12345", 4);
        var tasks = (await OpenTransfers.HandleAsync(db, Time)).Value!.Ids;
        var board = (await DispatchBoard.HandleAsync(db, Time, null)).Value!;
        var group = board.Waiting.ShouldHaveSingleItem();
        (group.SiteName, group.CrossCity, group.People.Count).ShouldBe(("长春南关隔离酒店", true, 2));
        var batch = (await DispatchBatch.HandleAsync(db, Time, new DispatchBatch.Command(vehicle.Id, tasks, T0.AddHours(2)))).Value!.BatchId;

        var picked = await AdvanceBatch.PickUpAsync(db, Time, batch, new AdvanceBatch.PickUpCommand([tasks[1]], T0.AddHours(3)));

        picked.Value!.Passengers.ShouldBe(1);
        await using var check = database.NewContext();
        var left = await check.TransferTasks.SingleAsync(t => t.Id == tasks[1]);
        left.State.ShouldBe(TransferState.Waiting);
        left.BatchId.ShouldBeNull();
        (await DispatchBoard.HandleAsync(check, Time, null)).Value!.WaitingCount.ShouldBe(1);
        (await AdvanceBatch.PickUpAsync(check, Time, batch, new AdvanceBatch.PickUpCommand([], T0.AddHours(3)))).Error!.Kind.ShouldBe(ErrorKind.Conflict);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnotherCountysDispatcher_SeesNoneOfTheTransfers_AndCannotDispatchThem(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        long task;
        await using (var db = database.NewContext())
        {
            var site = await QuarantineWorld.SiteAsync(db, "吉林宾馆");
            await PlaceContactAsync(db, site, await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community));
            await VehicleAsync(db, "吉B99999", 4, WebTestData.OtherCounty);
            task = (await OpenTransfers.HandleAsync(db, Time)).Value!.Ids.Single();
        }

        await using var changyi = database.NewContext(As(WebTestData.OtherCounty));
        var vehicle = await changyi.Vehicles.SingleAsync();
        (await DispatchBoard.HandleAsync(changyi, Time, null)).Value!.WaitingCount.ShouldBe(0);
        (await EndOfDayList.HandleAsync(changyi, Time, Day1, null)).Value!.Waiting.ShouldBe(0);
        (await DispatchBatch.HandleAsync(changyi, Time, new DispatchBatch.Command(vehicle.Id, [task], T0.AddHours(2)))).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await EndOfDayList.HandleAsync(changyi, Time, Day1, WebTestData.County)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        await using var chuanying = database.NewContext(As(WebTestData.County));
        (await DispatchBatch.HandleAsync(chuanying, Time, new DispatchBatch.Command(vehicle.Id, [task], T0.AddHours(2)))).Error!.Kind.ShouldBe(ErrorKind.NotFound);
        (await DispatchBoard.HandleAsync(chuanying, Time, null)).Value!.WaitingCount.ShouldBe(1);
        (await chuanying.AuditLog.CountAsync(a => a.Entity == nameof(TransferTask))).ShouldBeGreaterThan(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Vehicle_BadPlateCapacityOrRegion_IsRefused_AndAVehicleOnATripKeepsItsState(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext(As(WebTestData.County));
        (await Vehicles.RegisterAsync(db, new Vehicles.Command("ABC", 4, "王师傅", WebTestData.County))).Error!.Field.ShouldBe("plate");
        (await Vehicles.RegisterAsync(db, new Vehicles.Command("吉B12345", 0, "王师傅", WebTestData.County))).Error!.Field.ShouldBe("capacity");
        (await Vehicles.RegisterAsync(db, new Vehicles.Command("吉B12345", Vehicle.MaxCapacity + 1, "王师傅", WebTestData.County))).Error!.Field.ShouldBe("capacity");
        (await Vehicles.RegisterAsync(db, new Vehicles.Command("吉B12345", 4, "王师傅", WebTestData.OtherCounty))).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        var row = (await Vehicles.RegisterAsync(db, new Vehicles.Command("吉B12345", Vehicle.MaxCapacity, "王师傅", WebTestData.County))).Value!;
        (await Vehicles.RegisterAsync(db, new Vehicles.Command("吉B12345", 4, "李师傅", WebTestData.County))).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        (await Vehicles.SetStateAsync(db, row.Id, new Vehicles.StateCommand("OnTrip", null))).Error!.Field.ShouldBe("state");
        (await Vehicles.SetStateAsync(db, row.Id, new Vehicles.StateCommand("OutOfService", "换司机"))).Value!.State.ShouldBe(VehicleState.OutOfService);
    }
}
