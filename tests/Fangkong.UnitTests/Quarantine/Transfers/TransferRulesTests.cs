using Fangkong.Common;
using Fangkong.Quarantine.HomeMonitoring;
using Fangkong.Quarantine.Transfers;

namespace Fangkong.UnitTests.Quarantine.Transfers;

/// <summary>The invariants of vehicles, transfers, batches, check-ins and breaches, without a database.</summary>
public sealed class TransferRulesTests
{
    private static readonly DateTimeOffset T0 = new(2022, 3, 20, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Vehicle_OnlyAnAvailableOneStartsATrip_AndItCannotBeTakenOffTheRoad()
    {
        var vehicle = new Vehicle("吉B12345", 4, "王师傅", "220204");
        vehicle.StartTrip().ShouldBeNull();
        vehicle.StartTrip()!.Kind.ShouldBe(ErrorKind.Conflict);
        vehicle.Set(VehicleState.OutOfService, null)!.Kind.ShouldBe(ErrorKind.Conflict);
        vehicle.EndTrip();
        vehicle.State.ShouldBe(VehicleState.Disinfecting);
        vehicle.StartTrip()!.Kind.ShouldBe(ErrorKind.Conflict);
        vehicle.Set(VehicleState.Available, "李师傅").ShouldBeNull();
        (vehicle.State, vehicle.Crew).ShouldBe((VehicleState.Available, "李师傅"));
    }

    [Fact]
    public void Transfer_ToAnotherCitysSite_IsCrossCity_AndItsClockStopsAtCheckIn()
    {
        var local = Task("220204003001", "220204");
        var far = Task("220204003001", "220102");
        (local.CrossCity, far.CrossCity).ShouldBe((false, true));
        local.County.ShouldBe("220204");
        local.Elapsed(T0.AddHours(3)).ShouldBe(TimeSpan.FromHours(3));
        local.CheckIn(T0.AddHours(1))!.Kind.ShouldBe(ErrorKind.Conflict);
        local.Cancel("判定撤销").ShouldBeNull();
        local.IsOpen.ShouldBeFalse();
    }

    [Fact]
    public void Batch_WithEveryoneAbsent_IsRefused_AndArrivalComesOnlyAfterPickUp()
    {
        var batch = new TransferBatch(1, "220204", 1, "吉林宾馆", 1, "d", T0);
        var task = Task("220204003001", "220204");
        batch.Arrive([task], T0.AddHours(1))!.Kind.ShouldBe(ErrorKind.Conflict);
        batch.PickUp([task], new HashSet<long> { task.Id }, T0.AddHours(1))!.Field.ShouldBe("absent");
        batch.State.ShouldBe(BatchState.Dispatched);
    }

    [Theory]
    [InlineData(37.2, false)]
    [InlineData(37.3, true)]
    public void CheckIn_IsFeverFrom373(double temperature, bool fever)
    {
        var c = new HomeCheckIn(1, "220204003001", new DateOnly(2022, 7, 2), (decimal)temperature, null, "c", T0);
        (c.Fever, c.Abnormal).ShouldBe((fever, fever));
    }

    [Theory]
    [InlineData(120, false)]
    [InlineData(121, true)]
    public void Breach_IsLateBeyondTheDeadline(int minutes, bool late)
    {
        var breach = new HomeBreach(1, "220204003001", T0, T0.AddMinutes(minutes), "外出", "网格员", "c", T0.AddHours(3));
        breach.IsLate(new HomeMonitoringSettings().BreachReportDeadline).ShouldBe(late);
    }

    private static TransferTask Task(string home, string siteRegion) =>
        new(1, 1, "220204198503120017", "张伟", home, null, "吉源社区", 1, "吉林宾馆", siteRegion, T0, "d", T0);
}
