using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.IntegrationTests.Cases;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Rules2022;

/// <summary>
/// Rule 3 of issue 15: case release follows the treatment plan (诊疗方案) in force on the day, a
/// version line of its own: the 8th revised edition to 2022-03-14, the 9th from 2022-03-15, while
/// the 8th prevention plan stays in force.
/// </summary>
public sealed class TreatmentPlanTests
{
    private static readonly DateTimeOffset March13 = new(2022, 3, 13, 9, 0, 0, TimeSpan.FromHours(8));

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Migration_ShipsBothEditions_AndThe9thTakesOverOn0315_WhileThe8thPreventionPlanStays(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        var plans = await TreatmentPlans.ListAsync(db);

        plans.Select(p => (p.Code, p.EffectiveFrom, p.MinCt, p.FeverFreeDays, p.NeedsClinicalImprovement, p.AfterRelease, p.AfterReleaseDays)).ShouldBe(
        [
            (TreatmentPlan.EighthRevised, new DateOnly(2021, 4, 14), 40d, 3, true, AfterRelease.IsolationMonitoring, 14),
            (TreatmentPlan.Ninth, new DateOnly(2022, 3, 15), 35d, 0, false, AfterRelease.HomeMonitoring, 7),
        ]);
        (await TreatmentPlans.InForceAsync(db, "220204", new DateOnly(2022, 3, 14))).Value!.Code.ShouldBe(TreatmentPlan.EighthRevised);
        (await TreatmentPlans.InForceAsync(db, "220204", new DateOnly(2022, 3, 15))).Value!.Code.ShouldBe(TreatmentPlan.Ninth);
        (await PolicyVersions.InForceAsync(db, "220204", new DateOnly(2022, 3, 15))).Value!.Code.ShouldBe(PolicyVersions.Eighth);
        (await TreatmentPlans.InForceAsync(db, "220204", new DateOnly(2021, 4, 13))).Error!.Kind.ShouldBe(Common.ErrorKind.NotFound);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Ct37Twice_IsRefusedWhenTheLastTestIsOn0314_AndReleasesWhenItIsOn0315(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await ImportAsync(database, $"JL-1,张伟,,{WebTestData.Community},asymptomatic,,2022-03-05,,,");
        await using var db = database.NewContext();

        var on14 = (await CheckRelease.HandleAsync(db, "JL-1", [new(March13, 37, 37), new(March13.AddHours(24), 37, 38)])).Value!;
        var on15 = (await CheckRelease.HandleAsync(db, "JL-1", [new(March13.AddHours(24), 37, 37), new(March13.AddHours(48), 37, 38)])).Value!;

        (on14.TreatmentPlanCode, on14.Assessment.Met).ShouldBe((TreatmentPlan.EighthRevised, false));
        (on15.TreatmentPlanCode, on15.Assessment.Met, on15.AfterRelease, on15.Assessment.MonitoringUntil).ShouldBe(
            (TreatmentPlan.Ninth, true, AfterRelease.HomeMonitoring, new DateOnly(2022, 3, 22)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Discharge_Under8thRevised_NeedsTheClinicalFindings_ThenRecords14DaysOfIsolationMonitoring(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await ImportAsync(database, $"JL-1,张伟,,{WebTestData.Community},confirmed,moderate,2022-03-02,,,");
        ReleaseCriterion.Test[] negatives = [new(March13.AddHours(-24), null, null, NotDetected: true), new(March13, 40, 40)];

        await using (var db = database.NewContext())
        {
            var noFindings = await RecordRelease.HandleAsync(db, new RecordRelease.Command("JL-1", new DateOnly(2022, 3, 14), negatives));
            noFindings.Error!.Kind.ShouldBe(Common.ErrorKind.Conflict);
            noFindings.Error.Message.ShouldContain(TreatmentPlan.EighthRevised);
            var twoDays = await RecordRelease.HandleAsync(db, new RecordRelease.Command("JL-1", new DateOnly(2022, 3, 14), negatives, new(new DateOnly(2022, 3, 11), true, true)));
            twoDays.Error!.Kind.ShouldBe(Common.ErrorKind.Conflict);
        }

        await using (var db = database.NewContext())
        {
            var recorded = await RecordRelease.HandleAsync(db, new RecordRelease.Command("JL-1", new DateOnly(2022, 3, 14), negatives, new(new DateOnly(2022, 3, 10), true, true)));
            recorded.IsSuccess.ShouldBeTrue(recorded.Error?.Message);
            (recorded.Value!.TreatmentPlanCode, recorded.Value.AfterRelease, recorded.Value.MonitoringUntil).ShouldBe(
                (TreatmentPlan.EighthRevised, AfterRelease.IsolationMonitoring, new DateOnly(2022, 3, 27)));
        }

        await using var check = database.NewContext();
        (await check.Cases.SingleAsync()).Outcome.ShouldBe(CaseOutcome.Discharged);
    }

    private static async Task ImportAsync(TestDatabase database, string row)
    {
        await using var db = database.NewContext();
        var imported = await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(LineListImportTests.Header, row));
        imported.IsSuccess.ShouldBeTrue(imported.Error?.Message);
    }
}
