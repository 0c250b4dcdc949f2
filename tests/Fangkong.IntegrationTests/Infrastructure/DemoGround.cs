using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.Persons;
using Fangkong.Regions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

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

    /// <summary>
    /// The demo's later steps (DemoSetup.RunAsync after the cases), on the ground above. With
    /// <paramref name="withUsers"/>, the demo's accounts too, and the supervision and accountability
    /// steps that act as them.
    /// </summary>
    public static async Task SeedLaterStepsAsync(TestDatabase database, bool withUsers)
    {
        var time = TimeProvider.System;
        if (withUsers)
        {
            await using var services = WebTestData.IdentityServices(database.Settings);
            await using var scope = services.CreateAsyncScope();
            var sp = scope.ServiceProvider;
            await DemoUsers.SeedAsync(sp.GetRequiredService<FangkongDbContext>(), sp.GetRequiredService<UserManager<FangkongUser>>(), sp.GetRequiredService<RoleManager<IdentityRole>>());
        }

        await using var db = database.NewContext();
        await DemoTransfers.ReleaseFirstCaseAsync(db, time);
        await DemoQuarantine.SeedAsync(db, time);
        await DemoTransfers.SeedAsync(db, time);
        await DemoAreas.SeedAsync(db, time);
        await DemoClosedLoop.SeedAsync(db, time);
        await DemoInfectionFree.SeedAsync(db, time);
        await DemoPasses.SeedAsync(db, time);
        await DemoSocialZero.SeedAsync(db, time);
        if (withUsers)
        {
            await DemoSupervision.SeedAsync(db, time);
            await DemoAccountability.SeedAsync(db, time);
        }
    }
}
