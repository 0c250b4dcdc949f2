using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Quarantine;

namespace Fangkong.UnitTests.Quarantine;

/// <summary>
/// A placement's life (placed → checked in → released; placed → cancelled; a move ends one and
/// starts the next) and what it does to its room, without a database.
/// </summary>
public sealed class PlacementStateMachineTests
{
    private static readonly DateTimeOffset T0 = new(2022, 3, 20, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Placed_CheckedIn_Released_LeavesTheRoomAwaitingDisinfection()
    {
        var (site, room) = Hotel();
        var placement = Placement.Place(Contact(), site, room, T0, "调度").Value!;
        (placement.State, room.State).ShouldBe((PlacementState.Placed, SpaceState.Occupied));

        placement.CheckIn(room, T0.AddHours(2)).ShouldBeNull();
        placement.Release(room, T0.AddDays(7)).ShouldBeNull();

        (placement.State, placement.ReleasedAt, placement.IsActive).ShouldBe((PlacementState.Released, T0.AddDays(7), false));
        room.State.ShouldBe(SpaceState.AwaitingDisinfection);
    }

    [Fact]
    public void Cancelled_BeforeArrival_FreesTheRoomWithoutDisinfection()
    {
        var (site, room) = Hotel();
        var placement = Placement.Place(Contact(), site, room, T0, "调度").Value!;

        placement.Cancel(room, T0.AddHours(1), " ").ShouldNotBeNull().Field.ShouldBe("reason");
        placement.Cancel(room, T0.AddHours(1), "判定撤销").ShouldBeNull();

        (placement.State, placement.EndReason).ShouldBe((PlacementState.Cancelled, "判定撤销"));
        room.State.ShouldBe(SpaceState.Available);
    }

    [Fact]
    public void EachStep_OutOfOrder_IsRefused_AndChangesNothing()
    {
        var (site, room) = Hotel();
        var placement = Placement.Place(Contact(), site, room, T0, "调度").Value!;

        placement.Release(room, T0.AddHours(1)).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        placement.CheckIn(room, T0.AddMinutes(-1)).ShouldNotBeNull().Field.ShouldBe("checked_in_at");
        placement.CheckIn(room, T0.AddHours(1)).ShouldBeNull();
        placement.CheckIn(room, T0.AddHours(2)).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        placement.Cancel(room, T0.AddHours(2), "搞错了").ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        placement.Release(room, T0).ShouldNotBeNull().Field.ShouldBe("released_at");
        placement.State.ShouldBe(PlacementState.CheckedIn);
        placement.Release(room, T0.AddDays(7)).ShouldBeNull();
        placement.Release(room, T0.AddDays(8)).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        placement.MoveTo(room, site, Hotel().Room, T0.AddDays(8), "调度", "换房").Error!.Kind.ShouldBe(ErrorKind.Conflict);
    }

    [Fact]
    public void Move_EndsThisPlacement_AndStartsOneThatNamesIt()
    {
        var (site, room) = Hotel();
        var other = QuarantineRoom.Create(site, SiteSection.Create(site, 2, null).Value!, "0201", RoomKind.Single, 1, T0).Value!;
        // Ids come from the database; a move to the room one is in is refused by id, so the two must differ.
        typeof(Space).GetProperty(nameof(Space.Id))!.SetValue(other, 2L);
        var placement = Placement.Place(Contact(), site, room, T0, "调度").Value!;
        placement.CheckIn(room, T0.AddHours(1)).ShouldBeNull();

        placement.MoveTo(room, site, other, T0.AddDays(1), "调度", " ").Error!.Field.ShouldBe("reason");
        var next = placement.MoveTo(room, site, other, T0.AddDays(1), "调度", "房间漏水").Value!;

        (placement.State, placement.EndReason).ShouldBe((PlacementState.Released, "房间漏水"));
        (next.State, next.PreviousPlacementId, next.Reason).ShouldBe((PlacementState.Placed, placement.Id, "房间漏水"));
        (room.State, other.State).ShouldBe((SpaceState.AwaitingDisinfection, SpaceState.Occupied));
    }

    [Fact]
    public void Place_InAnOccupiedRoom_OrACaseInARoom_IsRefused()
    {
        var (site, room) = Hotel();
        Placement.Place(Contact(), site, room, T0, "调度").IsSuccess.ShouldBeTrue();

        Placement.Place(Contact(contactId: 2), site, room, T0, "调度").Error!.Kind.ShouldBe(ErrorKind.Conflict);
        var (_, empty) = Hotel();
        Placement.Place(new PlacementSubject(OccupantKind.Case, 1, null, 9, "李四", "220204003001", Severity.Mild, T0), site, empty, T0, "调度")
            .Error!.Field.ShouldBe("room");
        empty.State.ShouldBe(SpaceState.Available);
    }

    private static PlacementSubject Contact(long contactId = 1) =>
        new(OccupantKind.CloseContact, null, contactId, null, "张伟", "220204003001", null, T0.AddHours(-3));

    private static (QuarantineSite Site, QuarantineRoom Room) Hotel()
    {
        var site = QuarantineSite.Create(new("吉林宾馆", SiteKind.Hotel, "220204", "解放东路1号", 43.8, 126.5, 10, null, null)).Value!;
        return (site, QuarantineRoom.Create(site, SiteSection.Create(site, 1, null).Value!, "0101", RoomKind.Single, 1, T0).Value!);
    }
}
