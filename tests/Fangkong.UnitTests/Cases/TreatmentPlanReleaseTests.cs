using Fangkong.Cases;

namespace Fangkong.UnitTests.Cases;

/// <summary>
/// Rule 3 of issue 15: the 8th revised treatment plan's release (before 2022-03-15) — normal
/// temperature for 3 days, symptoms and CT improved, two negative tests ≥ 24 h apart, then 14
/// days of isolation and monitoring — each condition on both sides of its threshold.
/// </summary>
public sealed class TreatmentPlanReleaseTests
{
    private static readonly TreatmentPlan EighthRevised = TreatmentPlan.Create(
        TreatmentPlan.EighthRevised, "第八版修订版", null, new DateOnly(2021, 4, 14), 40, 2, 24, 3, true, AfterRelease.IsolationMonitoring, 14).Value!;

    private static readonly TreatmentPlan Ninth = TreatmentPlan.Create(
        TreatmentPlan.Ninth, "第九版", null, new DateOnly(2022, 3, 15), 35, 2, 24, 0, false, AfterRelease.HomeMonitoring, 7).Value!;

    private static readonly DateTimeOffset First = new(2022, 3, 10, 9, 0, 0, TimeSpan.FromHours(8));

    private static readonly DateOnly SecondDay = new(2022, 3, 11);

    private static readonly ReleaseCriterion.Test[] TwoNegatives = [new(First, null, null, NotDetected: true), new(First.AddHours(24), 40, 41)];

    [Fact]
    public void Confirmed_FeverFreeThreeDays_Improved_TwoNegatives_IsReleased_Then14DaysOfIsolationMonitoring()
    {
        var result = ReleaseCriterion.Evaluate(EighthRevised, TwoNegatives, TimeSpan.FromHours(8), new(SecondDay.AddDays(-3), true, true), confirmed: true);

        result.Met.ShouldBeTrue(result.Reason);
        result.MonitoringUntil.ShouldBe(SecondDay.AddDays(14));
        result.Reason.ShouldContain("隔离管理和健康监测 14 天");
    }

    [Fact]
    public void Confirmed_FeverFreeOnlyTwoDays_IsNotReleased()
    {
        var result = ReleaseCriterion.Evaluate(EighthRevised, TwoNegatives, TimeSpan.FromHours(8), new(SecondDay.AddDays(-2), true, true), confirmed: true);

        result.Met.ShouldBeFalse();
        result.Reason.ShouldContain("体温恢复正常需满 3 天");
    }

    [Fact]
    public void Confirmed_WithoutClinicalFindings_OrImagingNotImproved_IsNotReleased()
    {
        ReleaseCriterion.Evaluate(EighthRevised, TwoNegatives, TimeSpan.FromHours(8), null, confirmed: true).Met.ShouldBeFalse();
        var imaging = ReleaseCriterion.Evaluate(EighthRevised, TwoNegatives, TimeSpan.FromHours(8), new(SecondDay.AddDays(-5), true, false), confirmed: true);
        imaging.Met.ShouldBeFalse();
        imaging.Reason.ShouldContain("肺部影像学");
    }

    [Fact]
    public void Ct399_IsNotNegativeUnderThe8thRevised_ButMeetsThe9th()
    {
        ReleaseCriterion.Test[] tests = [new(First, 39.9, 41), new(First.AddHours(24), 40, 40)];

        ReleaseCriterion.Evaluate(EighthRevised, tests, TimeSpan.FromHours(8)).Met.ShouldBeFalse();
        var ninth = ReleaseCriterion.Evaluate(Ninth, tests, TimeSpan.FromHours(8));
        ninth.Met.ShouldBeTrue();
        ninth.MonitoringUntil.ShouldBe(SecondDay.AddDays(7));
    }

    [Fact]
    public void AnAsymptomaticInfection_NeedsOnlyTheTests()
    {
        ReleaseCriterion.Evaluate(EighthRevised, TwoNegatives, TimeSpan.FromHours(8), null, confirmed: false).Met.ShouldBeTrue();
    }

    [Fact]
    public void Create_RefusesAnOutOfRangeCriterion_NamingTheField()
    {
        TreatmentPlan.Create("x", "x", null, new DateOnly(2022, 1, 1), 46, 2, 24, 3, true, AfterRelease.IsolationMonitoring, 14).Error!.Field.ShouldBe("release");
        TreatmentPlan.Create("", "x", null, new DateOnly(2022, 1, 1), 40, 2, 24, 3, true, AfterRelease.IsolationMonitoring, 14).Error!.Field.ShouldBe("code");
    }
}
