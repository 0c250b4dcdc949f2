using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Fangkong.Quarantine;
using Fangkong.Quarantine.HomeMonitoring;
using Fangkong.Quarantine.Transfers;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Quarantine.Transfers.FlowWorld;

namespace Fangkong.IntegrationTests.Quarantine.Transfers;

/// <summary>The demo's release and transfer steps on a small world: every state shows, and running again adds nothing.</summary>
public sealed class DemoTransfersTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Demo_ReleasesACase_ThenDeliversOneBatch_LeavesOneOnTheRoadAndPeopleWaiting_AndRunsOnce(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using (var seed = database.NewContext())
        {
            for (var i = 0; i < 8; i++)
            {
                seed.Persons.Add(new Person(DocumentType.ResidentId, WebTestData.IdNumberFor(WebTestData.Community, "19950101", 21 + (2 * i)), $"居民{i}", WebTestData.Community)
                {
                    UpdatedAt = DateTimeOffset.UtcNow,
                });
            }

            await seed.SaveChangesAsync();
            await CaseAsync(seed, "JL-9", Wang, "王芳", WebTestData.OtherCommunity, null);
            await CaseAsync(seed, "JL-10", Zhang, "张伟", WebTestData.Community, Severity.Moderate);
        }

        await using var db = database.NewContext();
        (await DemoTransfers.ReleaseFirstCaseAsync(db, TimeProvider.System)).ShouldBeTrue();
        var report = await DemoTransfers.SeedAsync(db, TimeProvider.System);

        report.ShouldNotBeNull();
        // 吉源社区 holds 李娜 and the eight residents: nine contacts of today (张伟 is a case), four delivered, three on the road.
        (report.Vehicles, report.Placed, report.CheckedIn, report.Waiting, report.CaseReleased).ShouldBe((3, 9, 4, 2, true));
        (await db.TransferTasks.CountAsync(t => t.State == TransferState.PickedUp)).ShouldBe(3);
        var watch = await db.HomeWatches.SingleAsync();
        (watch.Kind, watch.CaseNo).ShouldBe((HomeWatchKind.HealthMonitoring, "JL-9"));
        (await db.SpaceTurnovers.SingleAsync()).AvailableAt.ShouldNotBeNull();
        (await db.Cases.SingleAsync(c => c.CaseNo == "JL-9")).Outcome.ShouldBe(CaseOutcome.Released);
        (await DemoTransfers.ReleaseFirstCaseAsync(db, TimeProvider.System)).ShouldBeFalse();
        (await DemoTransfers.SeedAsync(db, TimeProvider.System)).ShouldBeNull();
        (await db.Contacts.CountAsync()).ShouldBe(9);
        (await db.Placements.CountAsync(p => p.State == PlacementState.CheckedIn)).ShouldBe(4);
    }
}
