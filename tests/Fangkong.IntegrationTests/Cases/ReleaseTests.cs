using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Cases;

/// <summary>Discharge and release are recorded only when the plan's criterion is met, on given tests or on the person's single tubes.</summary>
public sealed class ReleaseTests
{
    private static readonly string Zhang = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);
    private static readonly DateTimeOffset April10 = new(2022, 4, 10, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Discharge_WithTestsLessThan24HoursApart_IsRefused_AndWithTwoGoodTestsIsRecorded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await ImportAsync(database, $"JL-1,张伟,,{WebTestData.Community},confirmed,moderate,2022-03-25,,,");

        await using (var db = database.NewContext())
        {
            var refused = await RecordRelease.HandleAsync(db, new RecordRelease.Command("JL-1", new DateOnly(2022, 4, 11), [new(April10, 36, 36), new(April10.AddHours(12), 37, 38)]));
            refused.Error!.Kind.ShouldBe(ErrorKind.Conflict);
            refused.Error.Message.ShouldContain(TreatmentPlan.Ninth);
        }

        await using (var db = database.NewContext())
        {
            (await db.Cases.SingleAsync()).Outcome.ShouldBeNull();
            var recorded = await RecordRelease.HandleAsync(db, new RecordRelease.Command("JL-1", new DateOnly(2022, 4, 11), [new(April10, 36, 36), new(April10.AddHours(24), 37, 38)]));
            recorded.IsSuccess.ShouldBeTrue(recorded.Error?.Message);
            recorded.Value!.MonitoringUntil.ShouldBe(new DateOnly(2022, 4, 18));
        }

        await using var check = database.NewContext();
        var discharged = await check.Cases.SingleAsync();
        (discharged.Outcome, discharged.OutcomeOn).ShouldBe((CaseOutcome.Discharged, new DateOnly(2022, 4, 11)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Release_WithoutGivenTests_JudgesThePersonsSingleTubes_NegativeCountsAsNotDetected(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await ImportAsync(database, $"JL-1,张伟,{Zhang},{WebTestData.Community},asymptomatic,,2022-04-01,,,");
        await SingleTubeAsync(database, "T-1", April10, "negative", null, null);

        await using (var db = database.NewContext())
        {
            var one = (await CheckRelease.HandleAsync(db, "JL-1", [])).Value!;
            (one.TreatmentPlanCode, one.Assessment.Met, one.Assessment.Qualifying.Count).ShouldBe((TreatmentPlan.Ninth, false, 1));
        }

        await SingleTubeAsync(database, "T-2", April10.AddHours(26), "positive", 36.5, 35.2);
        await using (var db = database.NewContext())
        {
            var recorded = await RecordRelease.HandleAsync(db, new RecordRelease.Command("JL-1", new DateOnly(2022, 4, 11), []));
            recorded.IsSuccess.ShouldBeTrue(recorded.Error?.Message);
            recorded.Value!.Case.Outcome.ShouldBe(CaseOutcome.Released);
        }
    }

    private static async Task ImportAsync(TestDatabase database, string row)
    {
        await using var db = database.NewContext();
        var imported = await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(LineListImportTests.Header, row));
        imported.IsSuccess.ShouldBeTrue(imported.Error?.Message);
    }

    private static async Task SingleTubeAsync(TestDatabase database, string barcode, DateTimeOffset at, string result, double? ctN, double? ctOrf)
    {
        await using var db = database.NewContext();
        var round = (await CreateRound.HandleAsync(db, TimeProvider.System, new CreateRound.Command($"单管 {barcode}", WebTestData.County, 1, at, null))).Value!;
        var scans = await RecordScans.HandleAsync(db, round.Id, [new RecordScans.Scan($"c-{barcode}", barcode, Zhang, at, "发热门诊", 1)]);
        scans.IsSuccess.ShouldBeTrue(scans.Error?.Message);
        var results = await RecordResults.HandleAsync(db, TimeProvider.System, [new RecordResults.Row(1, barcode, result, ctN, ctOrf, at.AddHours(6), "市疾控")]);
        results.IsSuccess.ShouldBeTrue(results.Error?.Message);
    }
}
