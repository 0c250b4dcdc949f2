using Fangkong.Quarantine.Capacity;

namespace Fangkong.UnitTests.Quarantine;

/// <summary>The forecast's arithmetic and both sides of each warning.</summary>
public sealed class DemandForecastTests
{
    // 10 cases a day for six days (flat), 5 contacts per case, all central: 50 rooms a day.
    private static readonly DemandForecast.Trend Flat = new([10, 10, 10, 10, 10, 10], 70, 350, 350, 70);

    private static DemandForecast.Supply Rooms(int free, int waiting = 0, int awaiting = 0, int[]? released = null) =>
        new(free, awaiting, released ?? [0, 0, 0], waiting, 1_000, 1_000, 0, 0);

    [Fact]
    public void FlatTrend_ThreeDaysNeed150Rooms_150Free_NoWarning()
    {
        var result = DemandForecast.Compute(Flat, Rooms(150));

        result.CasesPerDay.ShouldBe(10);
        result.Growth.ShouldBe(1);
        result.ContactsPerCase.ShouldBe(5);
        result.Days.Select(d => d.RoomDemand).ShouldBe([50, 50, 50]);
        result.Days[^1].RoomBalance.ShouldBe(0);
        result.PeopleWaitForRooms.ShouldBeFalse();
        result.FirstShortDay.ShouldBeNull();
    }

    [Fact]
    public void FlatTrend_149Free_PeopleWaitForRooms_OnDay3()
    {
        var result = DemandForecast.Compute(Flat, Rooms(149));

        result.PeopleWaitForRooms.ShouldBeTrue();
        result.FirstShortDay.ShouldBe(3);
    }

    [Fact]
    public void RoomsAwaitingDisinfectionAndReleases_CountAsComingBack()
    {
        DemandForecast.Compute(Flat, Rooms(100, awaiting: 30, released: [20, 0, 0])).PeopleWaitForRooms.ShouldBeFalse();
        DemandForecast.Compute(Flat, Rooms(100, awaiting: 30, released: [19, 0, 0])).PeopleWaitForRooms.ShouldBeTrue();
    }

    [Fact]
    public void PeopleAlreadyWaiting_MoreThanFree_WarnsToday()
    {
        var none = new DemandForecast.Trend([0, 0, 0, 0, 0, 0], 0, 0, 0, 0);

        DemandForecast.Compute(none, Rooms(5, waiting: 5)).PeopleWaitForRooms.ShouldBeFalse();
        var result = DemandForecast.Compute(none, Rooms(5, waiting: 6));
        result.PeopleWaitForRooms.ShouldBeTrue();
        result.FirstShortDay.ShouldBe(0);
    }

    [Fact]
    public void GrowingTrend_DoublingEveryThreeDays_GrowthIsCubeRootOfTwo()
    {
        var result = DemandForecast.Compute(new DemandForecast.Trend([5, 5, 5, 10, 10, 10], 45, 0, 0, 45), Rooms(0));

        result.Growth.ShouldBe(Math.Round(Math.Pow(2, 1.0 / 3), 3));
        result.Days[0].NewCases.ShouldBe(Math.Round(10 * Math.Pow(2, 1.0 / 3), 1));
    }

    [Fact]
    public void Beds_BySeverityShare_BothSidesOfEachWarning()
    {
        // 10 cases a day, 7 in 10 to shelter hospitals: 21 shelter and 9 designated beds in three days.
        var trend = new DemandForecast.Trend([10, 10, 10, 10, 10, 10], 70, 0, 0, 49);

        DemandForecast.Compute(trend, new(0, 0, [0, 0, 0], 0, 21, 9, 0, 0)).PeopleWaitForBeds.ShouldBeFalse();
        DemandForecast.Compute(trend, new(0, 0, [0, 0, 0], 0, 20, 9, 0, 0)).PeopleWaitForBeds.ShouldBeTrue();
        DemandForecast.Compute(trend, new(0, 0, [0, 0, 0], 0, 21, 8, 0, 0)).PeopleWaitForBeds.ShouldBeTrue();
        DemandForecast.Compute(trend, new(0, 0, [0, 0, 0], 0, 30, 9, 0, 1)).PeopleWaitForBeds.ShouldBeTrue();
    }
}
