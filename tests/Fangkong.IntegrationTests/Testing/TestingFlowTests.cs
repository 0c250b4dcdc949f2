using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Testing;

/// <summary>Sampling, results and positive-pool tracing on both providers, with the refusals.</summary>
public sealed class TestingFlowTests
{
    private static readonly Jurisdiction Sampler = new("sampler", WebTestData.Street, SeesFullIdentity: false);
    private static readonly Jurisdiction Lab = new("lab", "2202", SeesFullIdentity: false);
    private static readonly DateTimeOffset At = new(2022, 3, 20, 8, 0, 0, TimeSpan.FromHours(8));

    private static string Zhang => WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);

    private static string Li => WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2);

    private static string Wang => WebTestData.IdNumberFor(WebTestData.OtherCommunity, "19620101", 4);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Scans_AreIdempotentByClientId_AndRefuseFullTubes_RepeatedPeople_AndBadInput(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var round = await CreateRoundAsync(database);
        await using var db = database.NewContext(Sampler);
        RecordScans.Scan[] batch =
        [
            new("c1", "T-0001", Zhang, At, "吉源社区广场"),
            new("c2", "T-0001", Li, At, "吉源社区广场"),
            new("c3", "T-0001", Zhang, At, "吉源社区广场"),
            new("c4", "S-0001", Wang, At, "吉源社区广场", PoolSize: 1),
            new("c5", "S-0001", Li, At, "吉源社区广场", PoolSize: 1),
            new("c6", "T-0002", Li, At, "吉源社区广场", PoolSize: 3),
            new("c7", "T-0003", "220204198503120010", At, "吉源社区广场"),
        ];

        var first = (await RecordScans.HandleAsync(db, round, batch)).Value!;

        first.Select(r => r.Outcome).ShouldBe([
            RecordScans.Outcome.Recorded, RecordScans.Outcome.Recorded, RecordScans.Outcome.Refused, RecordScans.Outcome.Recorded,
            RecordScans.Outcome.Refused, RecordScans.Outcome.Refused, RecordScans.Outcome.Refused]);
        first[2].Reason!.ShouldContain("此人已在试管 T-0001 中");
        first[4].Reason!.ShouldContain("试管 S-0001 已满");
        first[5].Reason!.ShouldContain("混管规格 3 无效，只能是 1、5、10 或 20");
        first[6].Reason!.ShouldContain("证件号码无效");
        first[1].TubeCount.ShouldBe(2);

        // The client lost the answer and sends the same batch again: nothing is recorded twice.
        await using var retry = database.NewContext(Sampler);
        var again = (await RecordScans.HandleAsync(retry, round, batch)).Value!;
        again.Where(r => r.Outcome == RecordScans.Outcome.AlreadyRecorded).Select(r => r.ClientId).ShouldBe(["c1", "c2", "c4"]);

        await using var check = database.NewContext();
        (await check.Samples.CountAsync()).ShouldBe(3);
        (await check.Tubes.SingleAsync(t => t.Barcode == "T-0001")).SampleCount.ShouldBe(2);
        (await check.Tubes.SingleAsync(t => t.Barcode == "T-0001")).RegionCode.ShouldBe(WebTestData.Street);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PositivePool_PutsEveryMemberUnderControlAtOnce_AndSingleTubeRetestsResolveThem(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var round = await CreateRoundAsync(database);
        await using (var db = database.NewContext(Sampler))
        {
            await RecordScans.HandleAsync(db, round, [new("a", "P-1", Zhang, At, "点1"), new("b", "P-1", Li, At, "点1"), new("c", "P-1", Wang, At, "点1")]);
        }

        var traced = await ResultAsync(database, new RecordResults.Row(1, "P-1", "阳性", 28.5, 29.1, At.AddHours(6), "吉林市疾控中心"));
        traced.PeopleControlled.ShouldBe(3);
        traced.TasksCreated.ShouldBe(3);
        await using (var check = database.NewContext())
        {
            (await check.ControlOrders.CountAsync(o => o.EndedAt == null)).ShouldBe(3);
            var tube = await check.Tubes.SingleAsync(t => t.Barcode == "P-1");
            tube.TracedAt.ShouldNotBeNull();
            (tube.TracedAt!.Value - tube.ResultReceivedAt!.Value).ShouldBeLessThan(TimeSpan.FromSeconds(10));
        }

        await using (var db = database.NewContext(Sampler))
        {
            await RecordScans.HandleAsync(db, round, [new("d", "R-1", Zhang, At.AddHours(7), "点1", 1), new("e", "R-2", Li, At.AddHours(7), "点1", 1)]);
        }

        var retests = await ResultAsync(database, new RecordResults.Row(1, "R-1", "negative", null, null, null, "吉林市疾控中心"), new RecordResults.Row(2, "R-2", "positive", 24, 25, null, "吉林市疾控中心"));
        retests.ControlsLifted.ShouldBe(1);
        retests.PositivePeople.ShouldBe(1);

        await using var after = database.NewContext();
        var orders = await after.ControlOrders.Join(after.Persons, o => o.PersonId, p => p.Id, (o, p) => new { p.Name, o.Outcome, o.EndedAt }).ToListAsync();
        orders.Single(o => o.Name == "张伟").Outcome.ShouldBe(ControlOutcome.Lifted);
        orders.Single(o => o.Name == "李娜").Outcome.ShouldBe(ControlOutcome.Positive);
        orders.Single(o => o.Name == "王芳").EndedAt.ShouldBeNull();
        (await after.ResampleTasks.CountAsync(t => t.Status == ResampleStatus.Open)).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Results_AreAllOrNothing_RefusingUnknownTubes_ConflictsAndBadRows_AndRepeatsChangeNothing(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var round = await CreateRoundAsync(database);
        await using (var db = database.NewContext(Sampler))
        {
            await RecordScans.HandleAsync(db, round, [new("a", "N-1", Zhang, At, "点1"), new("b", "N-2", Li, At, "点1")]);
        }

        await using (var lab = database.NewContext(Lab))
        {
            var refused = await RecordResults.HandleAsync(lab, TimeProvider.System, [
                new(2, "N-1", "negative", null, null, null, "实验室"),
                new(3, "NOPE", "negative", null, null, null, "实验室"),
                new(4, "N-2", "maybe", null, null, null, "实验室"),
                new(5, "N-2", "negative", 50.5, null, null, "实验室"),
            ]);
            var message = refused.Error!.Message;
            message.ShouldContain("第 3 行: 未知试管 NOPE");
            message.ShouldContain("第 4 行: 结果「maybe」");
            message.ShouldContain("第 5 行: Ct 值");
            message.ShouldNotContain("第 2 行");
        }

        await using (var check = database.NewContext())
        {
            (await check.Tubes.CountAsync(t => t.Result != null)).ShouldBe(0);
        }

        await using (var lab = database.NewContext(Lab))
        {
            (await RecordResults.HandleAsync(lab, TimeProvider.System, [new(1, "N-1", "negative", null, null, null, "实验室")])).Value!.Results.ShouldBe(1);
        }

        // Ct has one bound everywhere, 0–50 (InputNumbers.CtMax): a 50-cycle kit's 47 is a result, not a typing error.
        await using (var lab = database.NewContext(Lab))
        {
            (await RecordResults.HandleAsync(lab, TimeProvider.System, [new(1, "N-2", "negative", 47, 47, null, "实验室")])).Value!.Results.ShouldBe(1);
        }

        await using (var lab = database.NewContext(Lab))
        {
            (await RecordResults.HandleAsync(lab, TimeProvider.System, [new(1, "N-1", "negative", null, null, null, "实验室")])).Value!.Unchanged.ShouldBe(1);
            var conflict = await RecordResults.HandleAsync(lab, TimeProvider.System, [new(7, "N-1", "positive", 30, 30, null, "实验室")]);
            conflict.Error!.Message.ShouldContain("第 7 行: 试管 N-1 已有不同结果 Negative");
        }

        // A lab of another city does not see the tube at all.
        await using var changchun = database.NewContext(new Jurisdiction("lab-cc", "2201", SeesFullIdentity: false));
        (await RecordResults.HandleAsync(changchun, TimeProvider.System, [new(1, "N-2", "negative", null, null, null, "长春")])).Error!.Message.ShouldContain("未知试管 N-2");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task FailedTracingAfterCommit_LeavesTheResultsRecorded_AndTheSweepTracesThemOnce(DatabaseProvider provider)
    {
        await using var database = await SeededAsync(provider);
        var round = await CreateRoundAsync(database);
        await using (var db = database.NewContext(Sampler))
        {
            await RecordScans.HandleAsync(db, round, [new("a", "P-9", Zhang, At, "点1"), new("b", "P-9", Li, At, "点1"), new("c", "N-9", Wang, At, "点1")]);
        }

        // The results are saved, then tracing fails after the commit (as if the process died there).
        await using (var lab = FailingTracing.NewContext(database, Lab))
        {
            var recorded = (await RecordResults.HandleAsync(lab, TimeProvider.System, [new(1, "P-9", "positive", 30, 31, null, "实验室"), new(2, "N-9", "negative", null, null, null, "实验室")])).Value!;
            (recorded.Results, recorded.TracingDeferred, recorded.Tracing.Tubes).ShouldBe((2, true, 0));
        }

        await using (var committed = database.NewContext())
        {
            (await committed.Tubes.Where(t => t.Result != null).CountAsync()).ShouldBe(2);
            (await committed.Tubes.CountAsync(t => t.TracedAt != null)).ShouldBe(0);
            (await committed.ControlOrders.CountAsync()).ShouldBe(0);
        }

        await using (var system = database.NewContext())
        {
            var swept = await SweepUntraced.HandleAsync(system, TimeProvider.System);
            swept.Tubes.ShouldBe(1);
            swept.PeopleControlled.ShouldBe(2);
        }

        await using (var system = database.NewContext())
        {
            (await SweepUntraced.HandleAsync(system, TimeProvider.System)).Tubes.ShouldBe(0);
        }

        await using var check = database.NewContext();
        (await check.ControlOrders.CountAsync()).ShouldBe(2);
    }

    private static async Task<TracePools.Report> ResultAsync(TestDatabase database, params RecordResults.Row[] rows)
    {
        await using var lab = database.NewContext(Lab);
        var recorded = await RecordResults.HandleAsync(lab, TimeProvider.System, rows);
        recorded.IsSuccess.ShouldBeTrue(recorded.Error?.Message);
        recorded.Value!.TracingDeferred.ShouldBeFalse();
        return recorded.Value.Tracing;
    }

    private static async Task<TestDatabase> SeededAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        return database;
    }

    private static async Task<long> CreateRoundAsync(TestDatabase database)
    {
        await using var db = database.NewContext(new Jurisdiction("county", WebTestData.County, SeesFullIdentity: false));
        var created = await CreateRound.HandleAsync(db, TimeProvider.System, new CreateRound.Command("船营区第一轮", WebTestData.County, 10, At, null));
        created.IsSuccess.ShouldBeTrue(created.Error?.Message);
        return created.Value!.Id;
    }
}
