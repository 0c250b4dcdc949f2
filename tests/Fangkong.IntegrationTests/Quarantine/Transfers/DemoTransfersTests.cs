using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Quarantine;
using Fangkong.Quarantine.HomeMonitoring;
using Fangkong.Quarantine.Transfers;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Quarantine.Transfers.FlowWorld;

namespace Fangkong.IntegrationTests.Quarantine.Transfers;

/// <summary>The demo's transfers and releases on a small world: every state shows, and a second run adds nothing.</summary>
public sealed class DemoTransfersTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Demo_DeliversOneBatch_LeavesPeopleWaiting_ReleasesACase_AndRunsOnce(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using (var seed = database.NewContext())
        {
            var recent = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
            var n = 0;
            foreach (var (id, name, region) in new[] { (Zhang, "张伟", WebTestData.Community), (Li, "李娜", WebTestData.Community), (Wang, "王芳", WebTestData.OtherCommunity) })
            {
                for (var k = 0; k < 3; k++)
                {
                    n++;
                    await ContactAsync(seed, $"MJ-{n}", id, name, region, ContactKind.Close, recent);
                }
            }

            await CaseAsync(seed, "JL-9", Wang, "王芳", WebTestData.OtherCommunity, null);
        }

        await using var db = database.NewContext();
        var report = await DemoTransfers.SeedAsync(db, TimeProvider.System);

        report.ShouldNotBeNull();
        (report.Vehicles, report.Placed, report.CheckedIn, report.CaseReleased).ShouldBe((3, 9, 4, true));
        report.Waiting.ShouldBe(2);
        (await db.TransferTasks.CountAsync(t => t.State == TransferState.PickedUp)).ShouldBe(3);
        var watch = await db.HomeWatches.SingleAsync();
        (watch.Kind, watch.CaseNo).ShouldBe((HomeWatchKind.HealthMonitoring, "JL-9"));
        (await db.SpaceTurnovers.SingleAsync()).AvailableAt.ShouldNotBeNull();
        (await db.Cases.SingleAsync()).Outcome.ShouldBe(CaseOutcome.Released);
        (await DemoTransfers.SeedAsync(db, TimeProvider.System)).ShouldBeNull();
        (await db.Placements.CountAsync(p => p.State == PlacementState.CheckedIn)).ShouldBe(4);
    }
}
