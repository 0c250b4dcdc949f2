using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Rules2022;

/// <summary>
/// Rule 5 of issue 15: an indeterminate lab result (one target, or a Ct between the positive cut-off
/// and 40) is stored as such on the tube and goes to a re-test; the tracer does not report anyone positive on it.
/// </summary>
public sealed class IndeterminateResultTests
{
    private static readonly string Zhang = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);

    /// <summary>Under the 9th treatment plan (positive below Ct 35).</summary>
    private static readonly DateTimeOffset March20 = new(2022, 3, 20, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ASingleTubeAtCt35_IsIndeterminate_AndGetsARetestTask_NotAPositivePersonOrControl(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);

        var report = await SingleTubeAsync(database, "T-1", March20, "positive", 30, 35);

        report.PositivePeople.ShouldBe(0);
        await using var check = database.NewContext();
        (await check.Tubes.SingleAsync()).Result.ShouldBe(TestResult.Indeterminate);
        (await check.ResampleTasks.SingleAsync()).Status.ShouldBe(ResampleStatus.Open);
        (await check.PositivePersons.CountAsync()).ShouldBe(0);
        (await check.ControlOrders.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BothTargetsBelow35_IsPositive_WhereOneTargetAloneWasIndeterminate(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await SingleTubeAsync(database, "T-1", March20, "positive", 28, null);

        var retest = await SingleTubeAsync(database, "T-2", March20.AddHours(5), "positive", 34.9, 34.9);

        retest.PositivePeople.ShouldBe(1);
        await using var check = database.NewContext();
        (await check.Tubes.SingleAsync(t => t.Barcode == "T-1")).Result.ShouldBe(TestResult.Indeterminate);
        (await check.Tubes.SingleAsync(t => t.Barcode == "T-2")).Result.ShouldBe(TestResult.Positive);
        (await check.ResampleTasks.CountAsync()).ShouldBe(1);
        (await check.PositivePersons.CountAsync()).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ThePositiveSentAgain_IsUnchanged_NotAConflictWithTheIndeterminateItBecame(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await SingleTubeAsync(database, "T-1", March20, "positive", 30, 36);
        await using var lab = database.NewContext();

        var again = await RecordResults.HandleAsync(lab, TimeProvider.System, [new RecordResults.Row(1, "T-1", "positive", 30, 36, March20.AddHours(6), "市疾控")]);

        again.Value!.Unchanged.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Ct36_IsPositiveWhenReportedOn0314_AndIndeterminateOn0315_TheCutOffsBeingData(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);

        var on14 = await SingleTubeAsync(database, "T-14", March20.AddDays(-6), "positive", 36, 36);
        var on15 = await SingleTubeAsync(database, "T-15", March20.AddDays(-5), "positive", 36, 36);

        (on14.PositivePeople, on15.PositivePeople).ShouldBe((1, 0));
        await using var check = database.NewContext();
        (await check.Set<LabCutOff>().CountAsync()).ShouldBe(2);
        (await check.Tubes.SingleAsync(t => t.Barcode == "T-15")).Result.ShouldBe(TestResult.Indeterminate);
    }

    private static async Task<TracePools.Report> SingleTubeAsync(TestDatabase database, string barcode, DateTimeOffset at, string result, double? ctN, double? ctOrf)
    {
        await using var db = database.NewContext();
        var round = (await CreateRound.HandleAsync(db, TimeProvider.System, new CreateRound.Command($"单管 {barcode}", WebTestData.County, 1, at, null))).Value!;
        var scans = await RecordScans.HandleAsync(db, round.Id, [new RecordScans.Scan($"c-{barcode}", barcode, Zhang, at, "发热门诊", 1)]);
        scans.IsSuccess.ShouldBeTrue(scans.Error?.Message);
        var recorded = await RecordResults.HandleAsync(db, TimeProvider.System, [new RecordResults.Row(1, barcode, result, ctN, ctOrf, at.AddHours(6), "市疾控")]);
        recorded.IsSuccess.ShouldBeTrue(recorded.Error?.Message);
        // Tracing runs after the commit, as a reaction to the results (ADR 0034): its report comes with them.
        return recorded.Value!.Tracing;
    }
}
