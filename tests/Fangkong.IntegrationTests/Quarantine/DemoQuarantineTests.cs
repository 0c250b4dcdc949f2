using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Fangkong.Quarantine;
using Fangkong.Quarantine.Allocation;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Quarantine;

public sealed class DemoQuarantineTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DemoQuarantine_SitesRoomsBeds_PlacesTheWeeksContactsAndCases_WithoutViolations_AndRunsOnlyOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoGround.SeedAsync(database);

        DemoQuarantine.Report report;
        await using (var db = database.NewContext())
        {
            report = (await DemoQuarantine.SeedAsync(db, TimeProvider.System))!;
            report.ShouldNotBeNull();
        }

        await using (var db = database.NewContext())
        {
            (await DemoQuarantine.SeedAsync(db, TimeProvider.System)).ShouldBeNull();
        }

        await using var check = database.NewContext();
        report.Sites.ShouldBe(7);
        (await check.QuarantineRooms.CountAsync()).ShouldBe(report.Rooms);
        (await check.HospitalBeds.CountAsync()).ShouldBe(report.Beds);
        report.Placed.ShouldBeGreaterThan(0);
        report.CheckedIn.ShouldBe(report.Placed);
        (await check.Placements.CountAsync(p => p.ContactId != null)).ShouldBeGreaterThan(0);
        (await check.Placements.CountAsync(p => p.CaseId != null)).ShouldBeGreaterThan(0);
        (await check.Placements.CountAsync(p => p.DistanceKm != null)).ShouldBe(report.Placed);
        (await PlacementChecker.CheckAsync(check)).ShouldBeEmpty();
        (await check.QuarantineRooms.CountAsync(r => r.State == SpaceState.Occupied)).ShouldBeGreaterThan(0);
    }
}
