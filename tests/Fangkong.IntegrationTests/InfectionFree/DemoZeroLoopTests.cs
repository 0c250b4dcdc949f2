using Fangkong.ClosedLoop;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.InfectionFree;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Passes;
using Fangkong.Persons;
using Fangkong.Regions;
using Fangkong.SocialZero;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.InfectionFree;

/// <summary>The demo's closed loop, infection-free compounds and passes: built through the use cases, once.</summary>
public sealed class DemoZeroLoopTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Demo_ClosedLoopWithBreaches_ALabelRemoved_PassesScannedBothWays_AndRunsOnlyOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DemoGround.SeedAsync(database);

        await using (var db = database.NewContext())
        {
            var loop = (await DemoClosedLoop.SeedAsync(db, TimeProvider.System))!;
            (loop.Members, loop.Missed).ShouldBe((6, 1));
            loop.Breaches.ShouldBe(2);
            var free = (await DemoInfectionFree.SeedAsync(db, TimeProvider.System))!;
            (free.Registered, free.Removed).ShouldBe((2, 1));
            var passes = (await DemoPasses.SeedAsync(db, TimeProvider.System))!;
            (passes.Allowed, passes.Refused).ShouldBe((2, 2));
            (await DemoSocialZero.SeedAsync(db, TimeProvider.System))!.UnderControl.ShouldBe(2);
        }

        await using var check = database.NewContext();
        (await DemoClosedLoop.SeedAsync(check, TimeProvider.System)).ShouldBeNull();
        (await DemoInfectionFree.SeedAsync(check, TimeProvider.System)).ShouldBeNull();
        (await DemoPasses.SeedAsync(check, TimeProvider.System)).ShouldBeNull();
        (await DemoSocialZero.SeedAsync(check, TimeProvider.System)).ShouldBeNull();
        (await check.ClosedLoopBreaches.Select(b => b.Kind).ToListAsync()).OrderBy(k => k).ShouldBe([BreachKind.SharedQuarters, BreachKind.MissedTest]);
        (await check.InfectionFreeLabels.Select(l => l.Status).OrderBy(s => s).ToListAsync()).ShouldBe([LabelStatus.Registered, LabelStatus.Removed]);
        (await check.InfectionFreeNotices.CountAsync()).ShouldBe(1);
        (await check.CaseClassifications.CountAsync(c => c.CaseNo == "CYDEMO-IF-01")).ShouldBe(1);
        (await check.CaseClassifications.CountAsync()).ShouldBeGreaterThan(10);
        (await check.PassScans.CountAsync(s => !s.Allowed)).ShouldBe(2);
        (await check.Passes.Select(p => p.Status).OrderBy(s => s).ToListAsync()).ShouldBe([PassStatus.Approved, PassStatus.Rejected, PassStatus.Revoked]);
    }
}
