using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Quarantine;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Quarantine.QuarantineWorld;

namespace Fangkong.IntegrationTests.Quarantine;

/// <summary>The room and bed turnover and the placement life cycle, saved and read back on each provider.</summary>
public sealed class QuarantineModelTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Placement_PlaceCheckInRelease_RoomAwaitsDisinfection_ThenAvailable_WithTimes(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        long placementId;
        long roomId;
        await using (var db = database.NewContext())
        {
            var site = await SiteAsync(db, "测试酒店");
            var room = await db.QuarantineRooms.OrderBy(r => r.Number).FirstAsync();
            roomId = room.Id;
            var placement = Placement.Place(Contact(1), site, room, T0, "test").Value!;
            db.Placements.Add(placement);
            await db.SaveChangesAsync();
            placementId = placement.Id;
        }

        await using (var db = database.NewContext())
        {
            var placement = await db.Placements.SingleAsync(p => p.Id == placementId);
            var room = await db.QuarantineRooms.SingleAsync(r => r.Id == roomId);
            room.State.ShouldBe(SpaceState.Occupied);
            room.StateChangedAt.ShouldBe(T0);
            placement.CheckIn(room, T0.AddHours(2)).ShouldBeNull();
            await db.SaveChangesAsync();
            placement.Release(room, T0.AddDays(14)).ShouldBeNull();
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var placement = await db.Placements.SingleAsync(p => p.Id == placementId);
            var room = await db.QuarantineRooms.SingleAsync(r => r.Id == roomId);
            placement.State.ShouldBe(PlacementState.Released);
            placement.CheckedInAt.ShouldBe(T0.AddHours(2));
            placement.ReleasedAt.ShouldBe(T0.AddDays(14));
            room.State.ShouldBe(SpaceState.AwaitingDisinfection);
            room.StateChangedAt.ShouldBe(T0.AddDays(14));
            room.Occupy(T0.AddDays(14)).ShouldNotBeNull();
            room.Disinfected(T0.AddDays(14).AddHours(3)).ShouldBeNull();
            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var room = await db.QuarantineRooms.SingleAsync(r => r.Id == roomId);
            room.State.ShouldBe(SpaceState.Available);
            room.StateChangedAt.ShouldBe(T0.AddDays(14).AddHours(3));
            room.UsedSinceDisinfection.ShouldBeFalse();
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Placement_CancelledBeforeArrival_RoomAvailableWithoutDisinfection(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var site = await SiteAsync(db, "测试酒店");
        var room = await db.QuarantineRooms.FirstAsync();
        var placement = Placement.Place(Contact(1), site, room, T0, "test").Value!;
        db.Placements.Add(placement);
        await db.SaveChangesAsync();

        placement.Cancel(room, T0.AddHours(1), " ").ShouldNotBeNull();
        placement.Cancel(room, T0.AddHours(1), "未找到本人").ShouldBeNull();
        await db.SaveChangesAsync();

        room.State.ShouldBe(SpaceState.Available);
        placement.State.ShouldBe(PlacementState.Cancelled);
        placement.EndReason.ShouldBe("未找到本人");
        placement.Release(room, T0.AddHours(2)).ShouldNotBeNull();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Room_SecondPersonRefused_DeclaredDependantOfSameKindShares_UpToCapacity(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var site = await SiteAsync(db, "测试酒店", perFloor: 1, roomKind: RoomKind.Multi, capacity: 2);
        var room = await db.QuarantineRooms.SingleAsync();
        var carer = Placement.Place(Contact(1), site, room, T0, "test").Value!;
        db.Placements.Add(carer);
        await db.SaveChangesAsync();

        Placement.Place(Contact(2), site, room, T0, "test").IsSuccess.ShouldBeFalse();
        Placement.PlaceDependant(Contact(3, OccupantKind.SecondaryContact), carer, site, room, DependantReason.Child, T0, "test").IsSuccess.ShouldBeFalse();
        var child = Placement.PlaceDependant(Contact(4), carer, site, room, DependantReason.Child, T0, "test");
        child.IsSuccess.ShouldBeTrue();
        db.Placements.Add(child.Value!);
        await db.SaveChangesAsync();
        Placement.PlaceDependant(Contact(5), carer, site, room, DependantReason.Child, T0, "test").IsSuccess.ShouldBeFalse();

        (await db.Placements.SingleAsync(p => p.ContactId == 4)).DependantOfPlacementId.ShouldBe(carer.Id);
        (await db.QuarantineRooms.SingleAsync()).Occupants.ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Beds_BySeverity_AndNeverContactsInBedsOrCasesInRooms(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var hotel = await SiteAsync(db, "测试酒店", perFloor: 1);
        var shelter = await SiteAsync(db, "测试方舱", SiteKind.ShelterHospital, perFloor: 2);
        var designated = await SiteAsync(db, "测试定点医院", SiteKind.DesignatedHospital, perFloor: 2);
        var room = await db.QuarantineRooms.SingleAsync();
        var shelterBed = await db.HospitalBeds.FirstAsync(b => b.SiteId == shelter.Id);
        var designatedBed = await db.HospitalBeds.FirstAsync(b => b.SiteId == designated.Id);

        Placement.Place(CaseOf(1, null), hotel, room, T0, "test").IsSuccess.ShouldBeFalse();
        Placement.Place(Contact(1), shelter, shelterBed, T0, "test").IsSuccess.ShouldBeFalse();
        Placement.Place(CaseOf(2, Severity.Moderate), shelter, shelterBed, T0, "test").IsSuccess.ShouldBeFalse();
        Placement.Place(CaseOf(3, Severity.Mild), designated, designatedBed, T0, "test").IsSuccess.ShouldBeFalse();
        Placement.Place(CaseOf(4, null), shelter, shelterBed, T0, "test").IsSuccess.ShouldBeTrue();
        Placement.Place(CaseOf(5, Severity.Severe), designated, designatedBed, T0, "test").IsSuccess.ShouldBeTrue();
        shelterBed.State.ShouldBe(SpaceState.Occupied);
        designatedBed.State.ShouldBe(SpaceState.Occupied);
        room.State.ShouldBe(SpaceState.Available);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Move_NeedsReason_EndsOldPlacement_NewOneNamesIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var shelter = await SiteAsync(db, "测试方舱", SiteKind.ShelterHospital, perFloor: 1);
        var designated = await SiteAsync(db, "测试定点医院", SiteKind.DesignatedHospital, perFloor: 1);
        var from = await db.HospitalBeds.SingleAsync(b => b.SiteId == shelter.Id);
        var to = await db.HospitalBeds.SingleAsync(b => b.SiteId == designated.Id);
        var placement = Placement.Place(CaseOf(1, Severity.Mild), shelter, from, T0, "test").Value!;
        db.Placements.Add(placement);
        await db.SaveChangesAsync();
        placement.CheckIn(from, T0.AddHours(1)).ShouldBeNull();

        placement.MoveTo(from, designated, to, T0.AddDays(2), "test", "").IsSuccess.ShouldBeFalse();
        placement.MoveTo(from, designated, to, T0.AddDays(2), "test", "转为普通型", Severity.Mild).IsSuccess.ShouldBeFalse();
        var moved = placement.MoveTo(from, designated, to, T0.AddDays(2), "test", "转为普通型", Severity.Moderate);

        moved.IsSuccess.ShouldBeTrue();
        db.Placements.Add(moved.Value!);
        await db.SaveChangesAsync();
        placement.State.ShouldBe(PlacementState.Released);
        placement.EndReason.ShouldBe("转为普通型");
        moved.Value!.PreviousPlacementId.ShouldBe(placement.Id);
        moved.Value.Severity.ShouldBe(Severity.Moderate);
        from.State.ShouldBe(SpaceState.AwaitingDisinfection);
        to.State.ShouldBe(SpaceState.Occupied);
    }
}
