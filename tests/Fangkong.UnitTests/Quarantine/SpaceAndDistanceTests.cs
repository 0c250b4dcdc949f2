using Fangkong.Quarantine;

namespace Fangkong.UnitTests.Quarantine;

/// <summary>The room state machine's refusals and the distance used to pick the nearest site.</summary>
public sealed class SpaceAndDistanceTests
{
    private static readonly DateTimeOffset T0 = new(2022, 3, 20, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Distance_JilinCityToChangchun_IsAbout100Km_AndZeroToItself()
    {
        var jilin = new GeoPoint(43.84, 126.55);
        var changchun = new GeoPoint(43.88, 125.32);

        jilin.DistanceKm(changchun).ShouldBeInRange(95, 105);
        jilin.DistanceKm(jilin).ShouldBe(0);
        GeoPoint.IsValid(91, 0).ShouldBeFalse();
        GeoPoint.IsValid(43.8, 181).ShouldBeFalse();
        GeoPoint.IsValid(43.8, 126.5).ShouldBeTrue();
    }

    [Fact]
    public void Room_Refusals_AtEachState()
    {
        var room = NewRoom(RoomKind.Single, 1);

        room.Disinfected(T0).ShouldNotBeNull();
        room.Share(T0).ShouldNotBeNull();
        room.Vacate(T0).ShouldNotBeNull();
        room.MarkUsed().ShouldNotBeNull();
        room.Occupy(T0).ShouldBeNull();
        room.Occupy(T0).ShouldNotBeNull();
        room.Share(T0).ShouldNotBeNull();
        room.TakeOutOfService(T0, "维修").ShouldNotBeNull();
        room.MarkUsed().ShouldBeNull();
        room.Vacate(T0.AddDays(7)).ShouldBeNull();
        room.State.ShouldBe(SpaceState.AwaitingDisinfection);
        room.StateChangedAt.ShouldBe(T0.AddDays(7));
        room.TakeOutOfService(T0.AddDays(7), "").ShouldNotBeNull();
        room.TakeOutOfService(T0.AddDays(7), "漏水").ShouldBeNull();
        room.Occupy(T0.AddDays(8)).ShouldNotBeNull();
        room.ReturnToService(T0.AddDays(9)).ShouldBeNull();
        room.State.ShouldBe(SpaceState.AwaitingDisinfection);
    }

    [Theory]
    [InlineData(RoomKind.Single, 2)]
    [InlineData(RoomKind.Multi, 0)]
    [InlineData(RoomKind.Multi, 7)]
    public void Room_CapacityOutOfRange_Refused(RoomKind kind, int capacity)
    {
        var (site, floor) = Hotel();
        QuarantineRoom.Create(site, floor, "0101", kind, capacity, T0).IsSuccess.ShouldBeFalse();
    }

    [Fact]
    public void Site_BadPositionOrShortRegion_Refused()
    {
        QuarantineSite.Create(new("甲", SiteKind.Hotel, "2202", "路", 43.8, 126.5, 1, null, null)).IsSuccess.ShouldBeFalse();
        QuarantineSite.Create(new("甲", SiteKind.Hotel, "220204", "路", 95, 126.5, 1, null, null)).IsSuccess.ShouldBeFalse();
        QuarantineSite.Create(new("甲", SiteKind.Hotel, "220204", "路", 43.8, 126.5, -1, null, null)).IsSuccess.ShouldBeFalse();
        QuarantineSite.Create(new("甲", SiteKind.Hotel, "220204", "路", 43.8, 126.5, 1, null, null)).IsSuccess.ShouldBeTrue();
    }

    private static (QuarantineSite, SiteSection) Hotel()
    {
        var site = QuarantineSite.Create(new("甲", SiteKind.Hotel, "220204", "路", 43.8, 126.5, 1, null, null)).Value!;
        return (site, SiteSection.Create(site, 1, null).Value!);
    }

    private static QuarantineRoom NewRoom(RoomKind kind, int capacity)
    {
        var (site, floor) = Hotel();
        return QuarantineRoom.Create(site, floor, "0101", kind, capacity, T0).Value!;
    }
}
