using Fangkong.Common;
using Fangkong.Quarantine.HomeMonitoring;
using Fangkong.Quarantine.Stay;

namespace Fangkong.UnitTests.Quarantine;

/// <summary>Issue 15, rule 4: a home watch's test days and its release; 双采双检's samples as sent.</summary>
public sealed class HomeWatchReleaseRulesTests
{
    private static readonly DateOnly Start = new(2022, 4, 3);

    [Fact]
    public void TestDates_AreTheOrdersDaysFromTheWatchsFirstDay_WithinTheWatch()
    {
        Watch("2,7").TestDates().ShouldBe([Start.AddDays(1), Start.AddDays(6)]);
        Watch("2,9").TestDates().ShouldBe([Start.AddDays(1)]);
        Watch(string.Empty).TestDates().ShouldBeEmpty();
    }

    [Fact]
    public void Release_OnTheLastDay_IsRefused_TheDayAfter_WithBothTestsNegative_IsDone()
    {
        var watch = Watch("2,7");
        var both = new HashSet<DateOnly> { Start.AddDays(1), Start.AddDays(6) };

        var lastDay = watch.Release(Start.AddDays(6), both, anyPositive: false, "社区");
        var dayAfter = watch.Release(Start.AddDays(7), both, anyPositive: false, "社区");

        lastDay!.Kind.ShouldBe(ErrorKind.Conflict);
        dayAfter.ShouldBeNull();
        watch.ReleasedOn.ShouldBe(Start.AddDays(7));
    }

    [Fact]
    public void Release_WithOneTestMissing_OrAPositive_IsRefused_NoTestDaysNeedNone()
    {
        var missing = Watch("2,7").Release(Start.AddDays(7), new HashSet<DateOnly> { Start.AddDays(1) }, anyPositive: false, "社区");
        var positive = Watch("2,7").Release(Start.AddDays(7), new HashSet<DateOnly> { Start.AddDays(1), Start.AddDays(6) }, anyPositive: true, "社区");
        var none = Watch(string.Empty).Release(Start.AddDays(7), new HashSet<DateOnly>(), anyPositive: false, "社区");

        missing!.Message.ShouldContain("第 7 天");
        positive!.Message.ShouldContain("阳性");
        none.ShouldBeNull();
    }

    [Fact]
    public void DualSamples_NeedTwoDifferentLabs_AndARealSecondResult()
    {
        DualSamples.Read("吉林市疾控中心", null, null).Value.ShouldBe(("吉林市疾控中心", null, null));
        DualSamples.Read("吉林市疾控中心", "金域医学检验所", "negative").Value.ShouldBe(("吉林市疾控中心", "金域医学检验所", StayTestResult.Negative));
        DualSamples.Read("吉林市疾控中心", " 吉林市疾控中心 ", "negative").Error!.Field.ShouldBe("secondLab");
        DualSamples.Read(null, "金域医学检验所", "negative").Error!.Field.ShouldBe("secondLab");
        DualSamples.Read("吉林市疾控中心", null, "negative").Error!.Field.ShouldBe("secondLab");
        DualSamples.Read("吉林市疾控中心", "金域医学检验所", "1").Error!.Field.ShouldBe("secondResult");
        DualSamples.Read(new string('检', StayTest.LabMaxLength + 1), null, null).Error!.Field.ShouldBe("lab");
    }

    private static HomeWatch Watch(string testDays) =>
        new HomeWatch(HomeWatchKind.HealthMonitoring, null, "220204198503120011", "张伟", null, "220204003001", "MJ-1", null, Start, Start.AddDays(6), "test", DateTimeOffset.UnixEpoch)
            .WithTestDays(testDays);
}
