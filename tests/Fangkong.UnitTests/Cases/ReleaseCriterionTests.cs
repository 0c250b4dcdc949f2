using Fangkong.Cases;

namespace Fangkong.UnitTests.Cases;

/// <summary>Discharge/release: Ct ≥ 35 for both genes on two consecutive tests at least 24 h apart (8th and 9th editions).</summary>
public sealed class ReleaseCriterionTests
{
    private static readonly PolicyVersion Eighth = PolicyVersion.Create(
        "national-8", "第八版", string.Empty, new DateOnly(2021, 5, 11),
        new PolicyVersion.Terms(2, new(14, 7, [1, 4, 7, 14], []), new(7, 0, [1, 4, 7], []), 35, 2, 24, 7, 24)).Value!;

    private static readonly DateTimeOffset Day1 = new(2022, 4, 1, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void TwoTestsAbove35_24HoursApart_MeetTheCriterion_AndMonitoringRunsSevenDays()
    {
        var result = ReleaseCriterion.Evaluate(Eighth, [new(Day1, 36, 37), new(Day1.AddHours(24), 35, 35)], TimeSpan.FromHours(8));

        result.Met.ShouldBeTrue();
        result.Qualifying.Count.ShouldBe(2);
        result.MonitoringUntil.ShouldBe(new DateOnly(2022, 4, 9));
    }

    [Fact]
    public void TwoTestsLessThan24HoursApart_DoNotMeetTheCriterion()
    {
        var result = ReleaseCriterion.Evaluate(Eighth, [new(Day1, 36, 37), new(Day1.AddHours(23), 38, 38)], TimeSpan.FromHours(8));

        result.Met.ShouldBeFalse();
        result.Reason.ShouldContain("1 so far");
    }

    [Fact]
    public void OneGeneBelow35_BreaksTheRun()
    {
        var result = ReleaseCriterion.Evaluate(
            Eighth, [new(Day1, 36, 37), new(Day1.AddHours(24), 36, 34.9), new(Day1.AddHours(48), 36, 36)], TimeSpan.FromHours(8));

        result.Met.ShouldBeFalse();
    }

    [Fact]
    public void MissingCtValue_CountsAsNotMet_AndAnUnorderedListIsSortedByTime()
    {
        ReleaseCriterion.Evaluate(Eighth, [new(Day1, 36, null), new(Day1.AddHours(30), 36, 36)], TimeSpan.Zero).Met.ShouldBeFalse();
        ReleaseCriterion.Evaluate(Eighth, [new(Day1.AddHours(30), 36, 36), new(Day1, 36, 36)], TimeSpan.Zero).Met.ShouldBeTrue();
    }
}
