using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Quarantine;
using Fangkong.Quarantine.Allocation;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Quarantine.QuarantineWorld;

namespace Fangkong.IntegrationTests.Quarantine;

/// <summary>Each allocation rule, attacked with data that would break it if the rule were missing; on both providers.</summary>
public sealed class AllocationRuleTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OnePersonPerRoom_MorePeopleThanRooms_ExtraWaits_ThenPlacedWhenCapacityGrows_FirstOnesNotMoved(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await SiteAsync(db, "酒店甲", perFloor: 2);
            var world = new AllocationWorld(db);
            for (var i = 0; i < 3; i++)
            {
                await world.ContactAsync(await world.PersonAsync());
            }
        }

        var first = await AllocationWorld.RunAsync(database);

        first.Placed.ShouldBe(2);
        first.Unplaced.ShouldBe(1);
        first.Summary.ShouldContain(Allocator.NoRoom);
        (await AllocationWorld.ViolationsAsync(database)).ShouldBeEmpty();
        Dictionary<long, long?> before;
        await using (var db = database.NewContext())
        {
            before = await db.Placements.ToDictionaryAsync(p => p.ContactId!.Value, p => p.RoomId);
            var site = await db.QuarantineSites.SingleAsync();
            var floor = SiteSection.Create(site, 2, null).Value!;
            db.SiteSections.Add(floor);
            await db.SaveChangesAsync();
            db.QuarantineRooms.Add(QuarantineRoom.Create(site, floor, "0201", RoomKind.Single, 1, Now()).Value!);
            await db.SaveChangesAsync();
        }

        var second = await AllocationWorld.RunAsync(database);

        second.Placed.ShouldBe(1);
        second.Unplaced.ShouldBe(0);
        await using var check = database.NewContext();
        var after = await check.Placements.ToListAsync();
        after.Count.ShouldBe(3);
        after.Where(p => before.ContainsKey(p.ContactId!.Value)).ShouldAllBe(p => p.RoomId == before[p.ContactId!.Value] && p.State == PlacementState.Placed);
        after.Select(p => p.RoomId).Distinct().Count().ShouldBe(3);
        (await check.QuarantineRooms.ToListAsync()).ShouldAllBe(r => r.State == SpaceState.Occupied && r.Occupants == 1);
        (await AllocationWorld.ViolationsAsync(database)).ShouldBeEmpty();
        (await AllocationWorld.RunAsync(database)).Placed.ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Dependant_SharesMultiRoomWithCarer_StrangerNeverJoins_GroupWithoutMultiRoomWaitsTogether(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        long carerId, childId, strangerId;
        await using (var db = database.NewContext())
        {
            await SiteAsync(db, "酒店甲", perFloor: 1, roomKind: RoomKind.Multi, capacity: 3);
            var world = new AllocationWorld(db);
            strangerId = (await world.ContactAsync(await world.PersonAsync(), identifiedOn: Today.AddDays(-3))).Id;
            carerId = (await world.ContactAsync(await world.PersonAsync())).Id;
            childId = (await world.ContactAsync(await world.PersonAsync())).Id;
            await world.DeclareAsync(OccupantKind.CloseContact, childId, carerId);
        }

        var outcome = await AllocationWorld.RunAsync(database);

        // The stranger, identified first, takes the only (multi) room alone; carer and child wait together.
        outcome.Placed.ShouldBe(1);
        outcome.Unplaced.ShouldBe(2);
        outcome.Summary.ShouldContain(Allocator.NoRoomForGroup);
        await using (var db = database.NewContext())
        {
            (await db.Placements.SingleAsync()).ContactId.ShouldBe(strangerId);
            (await db.QuarantineRooms.SingleAsync()).Occupants.ShouldBe(1);
            var site = await db.QuarantineSites.SingleAsync();
            var floor = await db.SiteSections.SingleAsync();
            db.QuarantineRooms.Add(QuarantineRoom.Create(site, floor, "0102", RoomKind.Single, 1, Now()).Value!);
            db.QuarantineRooms.Add(QuarantineRoom.Create(site, floor, "0103", RoomKind.Multi, 2, Now()).Value!);
            await db.SaveChangesAsync();
        }

        (await AllocationWorld.RunAsync(database)).Placed.ShouldBe(2);

        await using var check = database.NewContext();
        var placements = await check.Placements.ToDictionaryAsync(p => p.ContactId!.Value);
        placements[childId].RoomId.ShouldBe(placements[carerId].RoomId);
        placements[childId].DependantOfPlacementId.ShouldBe(placements[carerId].Id);
        placements[carerId].RoomId.ShouldNotBe(placements[strangerId].RoomId);
        (await check.QuarantineRooms.SingleAsync(r => r.Number == "0102")).State.ShouldBe(SpaceState.Available);
        (await AllocationWorld.ViolationsAsync(database)).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Dependant_DeclaredAfterCarerPlaced_JoinsCarersRoom_OnlyIfItHasSpace(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        long carerId;
        await using (var db = database.NewContext())
        {
            await SiteAsync(db, "酒店甲", perFloor: 1, roomKind: RoomKind.Multi, capacity: 2);
            var world = new AllocationWorld(db);
            carerId = (await world.ContactAsync(await world.PersonAsync())).Id;
        }

        (await AllocationWorld.RunAsync(database)).Placed.ShouldBe(1);
        long child1, child2;
        await using (var db = database.NewContext())
        {
            var world = new AllocationWorld(db);
            child1 = (await world.ContactAsync(await world.PersonAsync())).Id;
            child2 = (await world.ContactAsync(await world.PersonAsync())).Id;
            await world.DeclareAsync(OccupantKind.CloseContact, child1, carerId);
            await world.DeclareAsync(OccupantKind.CloseContact, child2, carerId);
        }

        var outcome = await AllocationWorld.RunAsync(database);

        outcome.Placed.ShouldBe(1);
        outcome.Unplaced.ShouldBe(1);
        await using var check = database.NewContext();
        var room = await check.QuarantineRooms.SingleAsync();
        room.Occupants.ShouldBe(2);
        (await check.Placements.CountAsync(p => p.RoomId == room.Id)).ShouldBe(2);
        (await AllocationWorld.ViolationsAsync(database)).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CloseAndSecondary_NeverShareAFloor_SecondaryWaitsWhenOnlyACloseFloorHasRooms(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await SiteAsync(db, "酒店甲", perFloor: 3);
            var world = new AllocationWorld(db);
            await world.ContactAsync(await world.PersonAsync(), ContactKind.Close, Today.AddDays(-2));
            await world.ContactAsync(await world.PersonAsync(), ContactKind.Secondary);
        }

        var first = await AllocationWorld.RunAsync(database);

        first.Placed.ShouldBe(1);
        first.Unplaced.ShouldBe(1);
        await using (var db = database.NewContext())
        {
            (await db.Placements.SingleAsync()).Kind.ShouldBe(OccupantKind.CloseContact);
            var site = await db.QuarantineSites.SingleAsync();
            var floor = SiteSection.Create(site, 2, null).Value!;
            db.SiteSections.Add(floor);
            await db.SaveChangesAsync();
            db.QuarantineRooms.Add(QuarantineRoom.Create(site, floor, "0201", RoomKind.Single, 1, Now()).Value!);
            await db.SaveChangesAsync();
        }

        (await AllocationWorld.RunAsync(database)).Placed.ShouldBe(1);
        await using var check = database.NewContext();
        var floors = await check.Placements.Select(p => new { p.Kind, p.SectionId }).ToListAsync();
        floors.Select(f => f.SectionId).Distinct().Count().ShouldBe(2);
        (await AllocationWorld.ViolationsAsync(database)).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PoolMembers_KeptOffContactFloors_WithdrawnOrLiftedDecisionsNotPlaced(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await SiteAsync(db, "酒店甲", floors: 2, perFloor: 3);
            var world = new AllocationWorld(db);
            await world.ContactAsync(await world.PersonAsync());
            await world.PoolMemberAsync(await world.PersonAsync());
            (await world.PoolMemberAsync(await world.PersonAsync())).Withdraw(Now());
            var lifted = await world.PersonAsync();
            var order = new Fangkong.Testing.ControlOrder(lifted.Id, lifted.RegionCode, "混管阳性", null, null, Now().AddHours(-5));
            order.End(Fangkong.Testing.ControlOutcome.Lifted, Now().AddHours(-1));
            db.ControlOrders.Add(order);
            await db.SaveChangesAsync();
            await world.PoolMemberAsync(lifted, order.Id);
        }

        var outcome = await AllocationWorld.RunAsync(database);

        outcome.Waiting.ShouldBe(2);
        outcome.Placed.ShouldBe(2);
        await using var check = database.NewContext();
        var placements = await check.Placements.ToListAsync();
        placements.Select(p => p.SectionId).Distinct().Count().ShouldBe(2);
        placements.ShouldContain(p => p.Kind == OccupantKind.PositivePoolMember);
        (await AllocationWorld.ViolationsAsync(database)).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Cases_BySeverity_NeverInRooms_ModerateWaitsRatherThanShelter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await SiteAsync(db, "酒店甲", perFloor: 5);
            await SiteAsync(db, "方舱甲", SiteKind.ShelterHospital, perFloor: 5);
            await SiteAsync(db, "定点医院甲", SiteKind.DesignatedHospital, perFloor: 1);
            var world = new AllocationWorld(db);
            await world.CaseAsync(await world.PersonAsync(), null);
            await world.CaseAsync(await world.PersonAsync(), Severity.Mild);
            await world.CaseAsync(await world.PersonAsync(), Severity.Severe);
            await world.CaseAsync(await world.PersonAsync(), Severity.Moderate);

            // A close contact who is now a case waits as the case only.
            var both = await world.PersonAsync();
            await world.ContactAsync(both);
            await world.CaseAsync(both, Severity.Mild);
        }

        var outcome = await AllocationWorld.RunAsync(database);

        outcome.Waiting.ShouldBe(5);
        outcome.Placed.ShouldBe(4);
        outcome.Summary.ShouldContain(Allocator.NoDesignatedBed);
        await using var check = database.NewContext();
        var sites = await check.QuarantineSites.ToDictionaryAsync(s => s.Id, s => s.Kind);
        var placements = await check.Placements.ToListAsync();
        placements.ShouldAllBe(p => p.Kind == OccupantKind.Case && p.BedId != null && p.RoomId == null);
        placements.Where(p => p.Severity is null or Severity.Mild).ShouldAllBe(p => sites[p.SiteId] == SiteKind.ShelterHospital);
        placements.Where(p => p.Severity is Severity.Moderate or Severity.Severe).ShouldAllBe(p => sites[p.SiteId] == SiteKind.DesignatedHospital);
        placements.Count(p => p.Severity is Severity.Moderate or Severity.Severe).ShouldBe(1);
        (await check.QuarantineRooms.CountAsync(r => r.State != SpaceState.Available)).ShouldBe(0);
        (await AllocationWorld.ViolationsAsync(database)).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NearestSiteInOwnCityFirst_ThenOtherCity_HomeFromRegionWhenCompoundHasNoPosition(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        long near, far, third;
        await using (var db = database.NewContext())
        {
            // Home near 43.85/126.56 (吉林市). 长春 site is nearer than the far 吉林市 site.
            var nearSite = await SiteAsync(db, "吉林近", region: "220204", lat: 43.86, lon: 126.57, perFloor: 1);
            var farSite = await SiteAsync(db, "吉林远", region: "220211", lat: 44.30, lon: 126.90, perFloor: 1);
            await SiteAsync(db, "长春", region: "220102", lat: 43.88, lon: 126.40, perFloor: 5);
            near = nearSite.Id;
            far = farSite.Id;
            var jilin = new Fangkong.Regions.Region(Fangkong.Regions.RegionCode.Parse("220204003"), "大东街道");
            jilin.Locate(43.851, 126.561);
            db.Regions.Add(jilin);
            await db.SaveChangesAsync();
            var world = new AllocationWorld(db);
            await world.ContactAsync(await world.PersonAsync(), identifiedOn: Today.AddDays(-3));
            await world.ContactAsync(await world.PersonAsync(lat: null, lon: null), identifiedOn: Today.AddDays(-2));
            third = (await world.ContactAsync(await world.PersonAsync(), identifiedOn: Today.AddDays(-1))).Id;
        }

        (await AllocationWorld.RunAsync(database)).Placed.ShouldBe(3);

        await using var check = database.NewContext();
        var placements = await check.Placements.OrderBy(p => p.IdentifiedAt).ToListAsync();
        placements[0].SiteId.ShouldBe(near);
        placements[1].SiteId.ShouldBe(far);
        placements[1].DistanceKm.ShouldNotBeNull();
        placements[1].DistanceKm!.Value.ShouldBeGreaterThan(40);
        placements[2].SiteId.ShouldNotBe(near);
        placements[2].SiteId.ShouldNotBe(far);
        (await AllocationWorld.ViolationsAsync(database)).ShouldBeEmpty();
        third.ShouldBe(placements[2].ContactId!.Value);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Queue_LeavesOutHomeOrders_Released_Ended_AndThoseAlreadyPlaced(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        long waiting;
        await using (var db = database.NewContext())
        {
            await SiteAsync(db, "酒店甲", perFloor: 5);
            var world = new AllocationWorld(db);
            waiting = (await world.ContactAsync(await world.PersonAsync(), ContactKind.Secondary)).Id;
            await world.ContactAsync(await world.PersonAsync(), ContactKind.Secondary, Today.AddDays(-1), PolicyVersions.Ninth);
            await world.ContactAsync(await world.PersonAsync(), ContactKind.Close, Today.AddDays(-5), releasedOn: Today);
            await world.ContactAsync(await world.PersonAsync(), ContactKind.Secondary, Today.AddDays(-7));
        }

        var outcome = await AllocationWorld.RunAsync(database);

        outcome.Waiting.ShouldBe(1);
        (await AllocationWorld.RunAsync(database)).Waiting.ShouldBe(0);
        await using var check = database.NewContext();
        (await check.Placements.SingleAsync()).ContactId.ShouldBe(waiting);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Write_RoomTakenSinceRead_RunRefused_NothingWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await SiteAsync(db, "酒店甲", perFloor: 1);
            var world = new AllocationWorld(db);
            await world.ContactAsync(await world.PersonAsync());
        }

        await using var run = database.NewContext();
        var input = await RunAllocation.ReadInputAsync(run, AllocationWorld.Today);
        await using (var other = database.NewContext())
        {
            var room = await other.QuarantineRooms.SingleAsync();
            room.TakeOutOfService(Now(), "维修").ShouldBeNull();
            await other.SaveChangesAsync();
        }

        var before = input.FreeSpaces.ToDictionary(s => s, s => new PlacementWriter.SpaceBefore(s.State, s.Occupants));
        var outcome = Allocator.Run(input, Now(), "test", null);
        outcome.Placed.Count.ShouldBe(1);
        await using var transaction = await run.Database.BeginTransactionAsync();
        await Should.ThrowAsync<AllocationConflictException>(() => PlacementWriter.WriteAsync(run, outcome.Placed, before, default));
        await transaction.RollbackAsync();

        await using var check = database.NewContext();
        (await check.Placements.CountAsync()).ShouldBe(0);
        (await check.QuarantineRooms.SingleAsync()).State.ShouldBe(SpaceState.OutOfService);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Run_WritesOneAuditLine_AndSeesOnlyTheCallersJurisdiction(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await SiteAsync(db, "船营酒店", region: "220204", perFloor: 5);
            await SiteAsync(db, "昌邑酒店", region: "220202", perFloor: 5);
            var world = new AllocationWorld(db);
            await world.ContactAsync(await world.PersonAsync("220204003001"));
            await world.ContactAsync(await world.PersonAsync("220202001001"));
        }

        await using (var county = database.NewContext(new Fangkong.Access.Jurisdiction("county", "220204", false)))
        {
            var result = await RunAllocation.HandleAsync(county, AllocationWorld.Clock);
            result.Value!.Waiting.ShouldBe(1);
            result.Value.Placed.ShouldBe(1);
        }

        await using var check = database.NewContext();
        var placement = await check.Placements.SingleAsync();
        placement.RegionCode.ShouldBe("220204003001");
        (await check.QuarantineSites.SingleAsync(s => s.Id == placement.SiteId)).RegionCode.ShouldBe("220204");
        (await check.AuditLog.CountAsync(a => a.Action == RunAllocation.AuditAction && a.Entity == nameof(Placement))).ShouldBe(1);
    }

    private static readonly DateOnly Today = AllocationWorld.Today;

    private static DateTimeOffset Now() => AllocationWorld.Now;
}
