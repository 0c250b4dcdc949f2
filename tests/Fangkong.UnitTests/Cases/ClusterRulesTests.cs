using Fangkong.Cases.Clusters;
using Fangkong.Places;

namespace Fangkong.UnitTests.Cases;

/// <summary>The cluster's own rules: growth only adds new cases, a cluster cannot absorb an older one, closed management.</summary>
public sealed class ClusterRulesTests
{
    private static readonly DateOnly Day = new(2022, 3, 1);

    private static readonly Cluster.Description AtHome = new("220204003001", "P:1", 1, "松江养老院", PlaceKind.NursingHome, null, false, true, Day, Day);

    [Fact]
    public void Grow_WithCasesAlreadyIn_AddsNothingAndRecordsNoStep()
    {
        var cluster = Cluster.Form([1, 2, 2], AtHome, Day);

        cluster.CaseCount.ShouldBe(2);
        cluster.Grow([2, 1], Day.AddDays(1)).ShouldBe(0);
        cluster.History.Count.ShouldBe(1);
        cluster.Grow([3, 1], Day.AddDays(1)).ShouldBe(1);
        cluster.CaseCount.ShouldBe(3);
        cluster.History.Select(e => e.Kind).ShouldBe([ClusterEventKind.Formed, ClusterEventKind.Grew]);
    }

    [Fact]
    public void Absorb_OfAClusterThatIsNotYounger_IsRefused()
    {
        var a = Cluster.Form([1, 2], AtHome, Day);
        var b = Cluster.Form([3, 4], AtHome, Day);

        Should.Throw<InvalidOperationException>(() => a.Absorb(b, Day));
    }

    [Fact]
    public void Describe_WithTheSameDescription_ReportsNoChange()
    {
        var cluster = Cluster.Form([1, 2], AtHome, Day);

        cluster.Describe(AtHome).ShouldBeFalse();
        cluster.Describe(AtHome with { LastCaseOn = Day.AddDays(3) }).ShouldBeTrue();
    }

    [Theory]
    [InlineData(PlaceKind.NursingHome, false, true)]
    [InlineData(PlaceKind.School, false, true)]
    [InlineData(PlaceKind.Enterprise, true, true)]
    [InlineData(PlaceKind.Enterprise, false, false)]
    [InlineData(PlaceKind.Hospital, false, false)]
    [InlineData(PlaceKind.Market, false, false)]
    public void ClosedManagement_IsNursingHomesSchoolsAndClosedLoopEnterprises(PlaceKind kind, bool closedLoop, bool expected) =>
        Cluster.IsClosedManagement(kind, closedLoop).ShouldBe(expected);
}
