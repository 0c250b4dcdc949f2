using Fangkong.Cases;

namespace Fangkong.UnitTests.Cases;

/// <summary>Discharge/release: Ct ≥ 35 for both genes on two consecutive tests at least 24 h apart (9th treatment plan).</summary>
public sealed class ReleaseCriterionTests
{
    /// <summary>The 9th treatment plan (from 2022-03-15).</summary>
    private static readonly TreatmentPlan NinthPlan = TreatmentPlan.Create(
        TreatmentPlan.Ninth, "第九版", string.Empty, new DateOnly(2022, 3, 15), 35, 2, 24, 0, false, AfterRelease.HomeMonitoring, 7).Value!;

    private static readonly DateTimeOffset Day1 = new(2022, 4, 1, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void TwoTestsAbove35_24HoursApart_MeetTheCriterion_AndMonitoringRunsSevenDays()
    {
        var result = ReleaseCriterion.Evaluate(NinthPlan, [new(Day1, 36, 37), new(Day1.AddHours(24), 35, 35)], TimeSpan.FromHours(8));

        result.Met.ShouldBeTrue();
        result.Qualifying.Count.ShouldBe(2);
        result.MonitoringUntil.ShouldBe(new DateOnly(2022, 4, 9));
    }

    [Fact]
    public void TwoTestsLessThan24HoursApart_DoNotMeetTheCriterion()
    {
        var result = ReleaseCriterion.Evaluate(NinthPlan, [new(Day1, 36, 37), new(Day1.AddHours(23), 38, 38)], TimeSpan.FromHours(8));

        result.Met.ShouldBeFalse();
        result.Reason.ShouldContain("1 so far");
    }

    [Fact]
    public void OneGeneBelow35_BreaksTheRun()
    {
        var result = ReleaseCriterion.Evaluate(
            NinthPlan, [new(Day1, 36, 37), new(Day1.AddHours(24), 36, 34.9), new(Day1.AddHours(48), 36, 36)], TimeSpan.FromHours(8));

        result.Met.ShouldBeFalse();
    }

    [Fact]
    public void MissingCtValue_CountsAsNotMet_AndAnUnorderedListIsSortedByTime()
    {
        ReleaseCriterion.Evaluate(NinthPlan, [new(Day1, 36, null), new(Day1.AddHours(30), 36, 36)], TimeSpan.Zero).Met.ShouldBeFalse();
        ReleaseCriterion.Evaluate(NinthPlan, [new(Day1.AddHours(30), 36, 36), new(Day1, 36, 36)], TimeSpan.Zero).Met.ShouldBeTrue();
    }
}
