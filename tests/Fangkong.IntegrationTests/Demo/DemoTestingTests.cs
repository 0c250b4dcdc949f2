using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Demo;

public sealed class DemoTestingTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DemoRound_SwabsTracesAndRetests_AndRunsOnlyOnce(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);

        await using (var db = database.NewContext())
        {
            var report = await DemoTesting.SeedAsync(db, TimeProvider.System);
            report.ShouldNotBeNull();
            report.Sampled.ShouldBe(3);
            report.Tubes.ShouldBe(2);
        }

        await using (var db = database.NewContext())
        {
            (await DemoTesting.SeedAsync(db, TimeProvider.System)).ShouldBeNull();
        }

        await using var check = database.NewContext();
        var positive = await check.Tubes.SingleAsync(t => t.Result == TestResult.Positive && t.PoolSize == 10);
        positive.TracedAt.ShouldNotBeNull();
        (await check.ControlOrders.CountAsync(o => o.TubeId == positive.Id)).ShouldBe(positive.SampleCount);
        (await check.ResampleTasks.CountAsync(t => t.Status == ResampleStatus.Negative)).ShouldBe(positive.SampleCount);
        (await check.ControlOrders.CountAsync(o => o.Outcome == ControlOutcome.Lifted)).ShouldBe(positive.SampleCount);
    }
}
