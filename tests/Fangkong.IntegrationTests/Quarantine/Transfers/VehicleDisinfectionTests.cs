using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Quarantine.Stay;
using Fangkong.Quarantine.Transfers;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Quarantine.Transfers.FlowWorld;

namespace Fangkong.IntegrationTests.Quarantine.Transfers;

/// <summary>
/// Issue 16, item 2: a vehicle that delivered its batch is 消毒中 until the dispatcher records its
/// disinfection done (who, when); then it is 待命 and takes the next batch.
/// </summary>
public sealed class VehicleDisinfectionTests
{
    private static readonly TimeProvider Time = TimeProvider.System;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DisinfectedVehicle_IsOnStandbyWithWhoAndWhen_AndTakesTheNextBatch(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        long vehicleId;
        await using (var db = database.NewContext())
        {
            var site = await QuarantineWorld.SiteAsync(db, "吉林宾馆");
            var first = await PlaceContactAsync(db, site, await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community));
            var vehicle = await VehicleAsync(db, "吉B12345", 4);
            vehicleId = vehicle.Id;
            var task = await ArrivedAsync(db, first, vehicle);
            (await CheckIn.HandleAsync(db, Time, new CheckIn.Command(task.Id, null, T0.AddHours(4.5)))).IsSuccess.ShouldBeTrue();
            await PlaceContactAsync(db, site, await ContactAsync(db, "MJ-2", Li, "李娜", WebTestData.Community));
        }

        await using var dispatcher = database.NewContext(As(WebTestData.County));
        (await dispatcher.Vehicles.AsNoTracking().SingleAsync()).State.ShouldBe(VehicleState.Disinfecting);
        var next = (await OpenTransfers.HandleAsync(dispatcher, Time)).Value!.Ids.Single();
        (await DispatchBatch.HandleAsync(dispatcher, Time, new DispatchBatch.Command(vehicleId, [next], null))).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var done = await DisinfectVehicle.HandleAsync(dispatcher, Time, vehicleId);

        done.IsSuccess.ShouldBeTrue(done.Error?.Message);
        done.Value!.State.ShouldBe(VehicleState.Available);
        await using (var check = database.NewContext())
        {
            var stored = await check.Vehicles.AsNoTracking().SingleAsync();
            stored.State.ShouldBe(VehicleState.Available);
            stored.DisinfectedBy.ShouldBe($"user-{WebTestData.County}");
            stored.DisinfectedAt!.Value.ShouldBeGreaterThan(before);
            stored.DisinfectedAt.Value.ShouldBeLessThan(DateTimeOffset.UtcNow.AddSeconds(1));
        }

        (await DispatchBoard.HandleAsync(dispatcher, Time, null)).Value!.Vehicles.Single().DisinfectedBy.ShouldBe($"user-{WebTestData.County}");
        var again = await DisinfectVehicle.HandleAsync(dispatcher, Time, vehicleId);
        again.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        again.Error.Message.ShouldContain("不在消毒中");
        (await DispatchBatch.HandleAsync(dispatcher, Time, new DispatchBatch.Command(vehicleId, [next], null))).IsSuccess.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnotherCountysDispatcher_CannotRecordTheDisinfection(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        long vehicleId;
        await using (var db = database.NewContext())
        {
            var site = await QuarantineWorld.SiteAsync(db, "吉林宾馆");
            var placement = await PlaceContactAsync(db, site, await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community));
            var vehicle = await VehicleAsync(db, "吉B12345", 4);
            vehicleId = vehicle.Id;
            var task = await ArrivedAsync(db, placement, vehicle);
            (await CheckIn.HandleAsync(db, Time, new CheckIn.Command(task.Id, null, T0.AddHours(4.5)))).IsSuccess.ShouldBeTrue();
        }

        await using var changyi = database.NewContext(As(WebTestData.OtherCounty));

        var refused = await DisinfectVehicle.HandleAsync(changyi, Time, vehicleId);

        refused.Error!.Kind.ShouldBe(ErrorKind.NotFound);
        await using var check = database.NewContext();
        var stored = await check.Vehicles.AsNoTracking().SingleAsync();
        (stored.State, stored.DisinfectedAt, stored.DisinfectedBy).ShouldBe((VehicleState.Disinfecting, null, null));
    }
}
