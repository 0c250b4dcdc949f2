using Fangkong.Common;
using Fangkong.UnitTests.Common;
using Fangkong.Quarantine;

namespace Fangkong.UnitTests.Quarantine;

/// <summary>
/// The room and bed turnover state machine (<see cref="Space"/>), every action from every state,
/// without a database: what each action leads to, and which it refuses with a conflict.
/// </summary>
public sealed class SpaceStateMachineTests
{
    private static readonly DateTimeOffset T0 = new(2022, 3, 20, 0, 0, 0, TimeSpan.Zero);

    public enum Step
    {
        Occupy,
        Share,
        MarkUsed,
        Vacate,
        Disinfected,
        TakeOutOfService,
        ReturnToService,
    }

    // From, action, the state after it, or null when it is refused (the state then stays as it was).
    // "Occupied" here is one unused occupant of a two-person room.
    [Theory]
    [InlineData(SpaceState.Available, Step.Occupy, SpaceState.Occupied)]
    [InlineData(SpaceState.Available, Step.Share, null)]
    [InlineData(SpaceState.Available, Step.MarkUsed, null)]
    [InlineData(SpaceState.Available, Step.Vacate, null)]
    [InlineData(SpaceState.Available, Step.Disinfected, null)]
    [InlineData(SpaceState.Available, Step.TakeOutOfService, SpaceState.OutOfService)]
    [InlineData(SpaceState.Available, Step.ReturnToService, null)]
    [InlineData(SpaceState.Occupied, Step.Occupy, null)]
    [InlineData(SpaceState.Occupied, Step.Share, SpaceState.Occupied)]
    [InlineData(SpaceState.Occupied, Step.MarkUsed, SpaceState.Occupied)]
    [InlineData(SpaceState.Occupied, Step.Vacate, SpaceState.Available)]
    [InlineData(SpaceState.Occupied, Step.Disinfected, null)]
    [InlineData(SpaceState.Occupied, Step.TakeOutOfService, null)]
    [InlineData(SpaceState.Occupied, Step.ReturnToService, null)]
    [InlineData(SpaceState.AwaitingDisinfection, Step.Occupy, null)]
    [InlineData(SpaceState.AwaitingDisinfection, Step.Share, null)]
    [InlineData(SpaceState.AwaitingDisinfection, Step.MarkUsed, null)]
    [InlineData(SpaceState.AwaitingDisinfection, Step.Vacate, null)]
    [InlineData(SpaceState.AwaitingDisinfection, Step.Disinfected, SpaceState.Available)]
    [InlineData(SpaceState.AwaitingDisinfection, Step.TakeOutOfService, SpaceState.OutOfService)]
    [InlineData(SpaceState.AwaitingDisinfection, Step.ReturnToService, null)]
    [InlineData(SpaceState.OutOfService, Step.Occupy, null)]
    [InlineData(SpaceState.OutOfService, Step.Share, null)]
    [InlineData(SpaceState.OutOfService, Step.MarkUsed, null)]
    [InlineData(SpaceState.OutOfService, Step.Vacate, null)]
    [InlineData(SpaceState.OutOfService, Step.Disinfected, null)]
    [InlineData(SpaceState.OutOfService, Step.TakeOutOfService, SpaceState.OutOfService)]
    [InlineData(SpaceState.OutOfService, Step.ReturnToService, SpaceState.AwaitingDisinfection)]
    public void EveryActionFromEveryState(SpaceState from, Step action, SpaceState? expected)
    {
        var room = RoomIn(from);
        var at = T0.AddHours(5);

        var error = action switch
        {
            Step.Occupy => room.Occupy(at),
            Step.Share => room.Share(at),
            Step.MarkUsed => room.MarkUsed(),
            Step.Vacate => room.Vacate(at),
            Step.Disinfected => room.Disinfected(at),
            Step.TakeOutOfService => room.TakeOutOfService(at, "维修"),
            _ => room.ReturnToService(at),
        };

        TransitionAssert.ShouldLeave(error, room.State, from, expected);
    }

    [Fact]
    public void LastOccupantLeaving_AUsedRoom_SendsItToDisinfection_AndStampsTheChange()
    {
        var room = RoomIn(SpaceState.Occupied);
        room.Share(T0.AddHours(1)).ShouldBeNull();
        room.MarkUsed().ShouldBeNull();

        room.Vacate(T0.AddDays(1)).ShouldBeNull();
        (room.State, room.Occupants).ShouldBe((SpaceState.Occupied, 1));
        room.Vacate(T0.AddDays(2)).ShouldBeNull();

        (room.State, room.Occupants, room.StateChangedAt).ShouldBe((SpaceState.AwaitingDisinfection, 0, T0.AddDays(2)));
        room.Disinfected(T0.AddDays(3)).ShouldBeNull();
        (room.State, room.UsedSinceDisinfection).ShouldBe((SpaceState.Available, false));
    }

    [Fact]
    public void Share_BeyondCapacity_IsRefused()
    {
        var room = RoomIn(SpaceState.Occupied);
        room.Share(T0).ShouldBeNull();

        room.Share(T0).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        room.Occupants.ShouldBe(2);
    }

    [Fact]
    public void TakeOutOfService_WithoutAReason_IsRefusedNamingTheNote()
    {
        var room = RoomIn(SpaceState.Available);

        room.TakeOutOfService(T0, "  ").ShouldNotBeNull().Field.ShouldBe("note");
        room.TakeOutOfService(T0, new string('漏', Space.NoteMaxLength + 1)).ShouldNotBeNull().Field.ShouldBe("note");
        room.State.ShouldBe(SpaceState.Available);
    }

    /// <summary>A two-person room brought to <paramref name="state"/> through its own transitions.</summary>
    internal static QuarantineRoom RoomIn(SpaceState state)
    {
        var site = QuarantineSite.Create(new("吉林宾馆", SiteKind.Hotel, "220204", "解放东路1号", 43.8, 126.5, 10, null, null)).Value!;
        var room = QuarantineRoom.Create(site, SiteSection.Create(site, 1, null).Value!, "0101", RoomKind.Multi, 2, T0).Value!;
        switch (state)
        {
            case SpaceState.Occupied:
                room.Occupy(T0).ShouldBeNull();
                break;
            case SpaceState.AwaitingDisinfection:
                room.Occupy(T0).ShouldBeNull();
                room.MarkUsed().ShouldBeNull();
                room.Vacate(T0.AddHours(1)).ShouldBeNull();
                break;
            case SpaceState.OutOfService:
                room.TakeOutOfService(T0, "维修").ShouldBeNull();
                break;
        }

        room.State.ShouldBe(state);
        return room;
    }
}
