using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.Persons;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>
/// The demo's first steps on a small population, for the tests of the later demo steps: regions,
/// 6,000 residents of 船营区, places, the testing round and (optionally) the outbreak week.
/// </summary>
internal static class DemoGround
{
    public const int People = 6_000;

    public static async Task SeedAsync(TestDatabase database, bool withCases = true)
    {
        await using var db = database.NewContext();
        await EnsureReferenceData.EnsureJilinAsync(db);
        var communities = await db.Regions.AsNoTracking()
            .Where(r => r.Code.StartsWith(DemoSetup.County) && r.Level == RegionLevel.Community)
            .OrderBy(r => r.Code).Select(r => new DemoPopulation.Community(r.Code, r.Name)).ToListAsync();
        await PersonBulkLoader.LoadAsync(db, new DemoPopulation(DemoSetup.County).Generate(communities, People), null, default);
        await DemoPlaces.SeedAsync(db);
        (await DemoTesting.SeedAsync(db, TimeProvider.System)).ShouldNotBeNull();
        if (withCases)
        {
            (await DemoCases.SeedAsync(db, TimeProvider.System)).ShouldNotBeNull();
        }
    }
}
