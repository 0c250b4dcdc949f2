using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Fangkong.Quarantine;
using Fangkong.Quarantine.Capacity;
using Microsoft.EntityFrameworkCore;
using Case = Fangkong.Cases.Case;
using static Fangkong.IntegrationTests.Quarantine.QuarantineWorld;

namespace Fangkong.IntegrationTests.Quarantine;

/// <summary>The capacity board read from the database: counts by state, the waiting warning and the planning norm, both sides of each.</summary>
public sealed class CapacityTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Board_CountsByState_AndPeopleWaitForRooms_OnlyWhenWaitingExceedsFree(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await SiteAsync(db, "酒店甲", perFloor: 3);
            var rooms = await db.QuarantineRooms.OrderBy(r => r.Number).ToListAsync();
            rooms[0].TakeOutOfService(AllocationWorld.Now, "维修").ShouldBeNull();
            await db.SaveChangesAsync();
            var world = new AllocationWorld(db);
            await world.ContactAsync(await world.PersonAsync());
            await world.ContactAsync(await world.PersonAsync());
        }

        var atTwo = await ViewAsync(database);
        var city = atTwo.Cities.ShouldHaveSingleItem();
        city.CityCode.ShouldBe("2202");
        (city.Rooms, city.FreeRooms, city.OutOfService, city.WaitingForRooms).ShouldBe((3, 2, 1, 2));
        city.Forecast.PeopleWaitForRooms.ShouldBeFalse();
        var site = atTwo.Sites.ShouldHaveSingleItem();
        (site.Total, site.Available, site.OutOfService).ShouldBe((3, 2, 1));

        await using (var db = database.NewContext())
        {
            var world = new AllocationWorld(db);
            await world.ContactAsync(await world.PersonAsync());
        }

        var atThree = await ViewAsync(database);
        atThree.Cities.Single().Forecast.PeopleWaitForRooms.ShouldBeTrue();
        atThree.Cities.Single().Forecast.FirstShortDay.ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Board_CasesTrend_PeopleWaitForBeds_WhenForecastCasesExceedFreeBeds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            // One asymptomatic case a day for six days: one shelter bed a day for the next three.
            var world = new AllocationWorld(db);
            for (var d = 0; d < 6; d++)
            {
                var person = await world.PersonAsync();
                var report = new Case.Report($"JL-T{d}", person.Name, person.DocumentNumber, person.RegionCode, CaseType.Asymptomatic, null, AllocationWorld.Today.AddDays(-5 + d), CaseSource.LineList, null, person.Id);
                var c = Case.Create(report).Value!;
                c.SetOutcome(CaseOutcome.Released, AllocationWorld.Today).IsSuccess.ShouldBeTrue();
                db.Cases.Add(c);
            }

            await db.SaveChangesAsync();
            await SiteAsync(db, "方舱甲", SiteKind.ShelterHospital, perFloor: 3);
            await SiteAsync(db, "定点甲", SiteKind.DesignatedHospital, perFloor: 1);
        }

        var enough = (await ViewAsync(database)).Cities.Single();
        enough.Forecast.CasesPerDay.ShouldBe(1);
        enough.Forecast.PeopleWaitForBeds.ShouldBeFalse();

        await using (var db = database.NewContext())
        {
            (await db.HospitalBeds.FirstAsync(b => b.State == SpaceState.Available && b.Number == "0103")).TakeOutOfService(AllocationWorld.Now, "维修").ShouldBeNull();
            await db.SaveChangesAsync();
        }

        (await ViewAsync(database)).Cities.Single().Forecast.PeopleWaitForBeds.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Norm_20RoomsPer10000_ExactlyEnoughIsNotBelow_OneLessIs(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            // 501 residents of 船营区 need ⌈501 × 20 ÷ 10,000⌉ = 2 rooms.
            db.Persons.AddRange(Enumerable.Range(0, 501).Select(i => new Person(DocumentType.ResidentId, $"N{i:D10}", $"居民{i}", "220204003001") { UpdatedAt = DateTimeOffset.UtcNow }));
            await db.SaveChangesAsync();
            await SiteAsync(db, "酒店甲", perFloor: 1);
        }

        var below = (await ViewAsync(database)).Counties.Single(c => c.CountyCode == "220204");
        (below.Population, below.Required, below.Rooms, below.BelowNorm).ShouldBe((501L, 2, 1, true));

        await using (var db = database.NewContext())
        {
            var site = await db.QuarantineSites.SingleAsync();
            var floor = await db.SiteSections.SingleAsync();
            db.QuarantineRooms.Add(QuarantineRoom.Create(site, floor, "0102", RoomKind.Single, 1, AllocationWorld.Now).Value!);
            await db.SaveChangesAsync();
        }

        (await ViewAsync(database)).Counties.Single(c => c.CountyCode == "220204").BelowNorm.ShouldBeFalse();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Board_CountyWorker_SeesOnlyOwnCountysSites(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await SiteAsync(db, "船营酒店", region: "220204");
            await SiteAsync(db, "昌邑酒店", region: "220202");
        }

        await using var county = database.NewContext(new Fangkong.Access.Jurisdiction("county", "220204", false));
        var view = await ForecastCapacity.HandleAsync(county, AllocationWorld.Clock);
        view.Sites.ShouldHaveSingleItem().Name.ShouldBe("船营酒店");
    }

    private static async Task<ForecastCapacity.View> ViewAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await ForecastCapacity.HandleAsync(db, AllocationWorld.Clock);
    }
}
