using Fangkong.Common;
using Fangkong.Quarantine.Transfers;
using Fangkong.Tests;

namespace Fangkong.UnitTests.Quarantine.Transfers;

/// <summary>
/// A transfer (waiting → dispatched → picked up → arrived → checked in, or cancelled while waiting)
/// and its batch (dispatched → picked up → arrived → completed), without a database.
/// </summary>
public sealed class TransferStateMachineTests
{
    private static readonly DateTimeOffset T0 = new(2022, 3, 20, 8, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Transfer_FromWaitingToCheckedIn_StampsEachStep_AndTheBatchCompletesWhenEveryoneIsIn()
    {
        var task = Task(1);
        var batch = new TransferBatch(7, "220204", 1, "吉林宾馆", 1, "调度", T0);
        task.Dispatch(batch.Id, T0.AddMinutes(10)).ShouldBeNull();

        batch.PickUp([task], new HashSet<long>(), T0.AddMinutes(40)).ShouldBeNull();
        batch.Arrive([task], T0.AddMinutes(90)).ShouldBeNull();
        batch.CompleteIfDone([task], T0.AddMinutes(91)).ShouldBeFalse("the passenger has not checked in");
        task.CheckIn(T0.AddMinutes(100)).ShouldBeNull();
        batch.CompleteIfDone([task], T0.AddMinutes(101)).ShouldBeTrue();

        (task.State, task.DispatchedAt, task.PickedUpAt, task.ArrivedAt, task.CheckedInAt)
            .ShouldBe((TransferState.CheckedIn, T0.AddMinutes(10), T0.AddMinutes(40), T0.AddMinutes(90), T0.AddMinutes(100)));
        (batch.State, batch.CompletedAt).ShouldBe((BatchState.Completed, T0.AddMinutes(101)));
        task.IsOpen.ShouldBeFalse();
        task.Elapsed(T0.AddDays(1)).ShouldBe(TimeSpan.FromMinutes(100), "the clock stops at check-in");
    }

    [Fact]
    public void PersonNotFoundAtPickUp_GoesBackToWaiting_AndCanBeDispatchedAgain()
    {
        var found = Task(1);
        var absent = Task(2);
        var batch = new TransferBatch(7, "220204", 1, "吉林宾馆", 2, "调度", T0);
        found.Dispatch(batch.Id, T0).ShouldBeNull();
        absent.Dispatch(batch.Id, T0).ShouldBeNull();

        batch.PickUp([found, absent], new HashSet<long> { absent.Id }, T0.AddMinutes(30)).ShouldBeNull();

        (found.State, absent.State, absent.BatchId, batch.Passengers).ShouldBe((TransferState.PickedUp, TransferState.Waiting, (long?)null, 1));
        absent.Note.ShouldNotBeNull().ShouldContain("未接到");
        absent.Dispatch(99, T0.AddHours(1)).ShouldBeNull();
    }

    [Fact]
    public void EachStep_OutOfOrder_IsRefused()
    {
        var task = Task(1);
        task.CheckIn(T0).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        task.Dispatch(7, T0).ShouldBeNull();
        task.Dispatch(8, T0).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        task.Cancel("不去了").ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        task.CheckIn(T0).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        (task.State, task.BatchId).ShouldBe((TransferState.Dispatched, (long?)7));

        var batch = new TransferBatch(7, "220204", 1, "吉林宾馆", 1, "调度", T0);
        batch.Arrive([task], T0).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        batch.CompleteIfDone([task], T0).ShouldBeFalse();
        batch.PickUp([task], new HashSet<long>(), T0).ShouldBeNull();
        batch.PickUp([task], new HashSet<long>(), T0).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);
        batch.State.ShouldBe(BatchState.PickedUp);
    }

    [Fact]
    public void Cancel_OnlyWhileWaiting_AndCheckIn_IsIdempotent()
    {
        var waiting = Task(1);
        waiting.Cancel("判定撤销").ShouldBeNull();
        waiting.Cancel("再撤一次").ShouldBeNull();
        (waiting.State, waiting.IsOpen).ShouldBe((TransferState.Cancelled, false));
        waiting.Dispatch(7, T0).ShouldNotBeNull().Kind.ShouldBe(ErrorKind.Conflict);

        var arrived = Task(2);
        var batch = new TransferBatch(7, "220204", 1, "吉林宾馆", 1, "调度", T0);
        arrived.Dispatch(batch.Id, T0).ShouldBeNull();
        batch.PickUp([arrived], new HashSet<long>(), T0).ShouldBeNull();
        batch.Arrive([arrived], T0.AddHours(1)).ShouldBeNull();
        arrived.CheckIn(T0.AddHours(2)).ShouldBeNull();
        arrived.CheckIn(T0.AddHours(3)).ShouldBeNull();
        arrived.CheckedInAt.ShouldBe(T0.AddHours(2));
    }

    private static TransferTask Task(int sequence)
    {
        var task = new TransferTask(null, sequence, TestIdNumbers.For("220204", "19850312", sequence), "张伟", "220204003001", null, "吉源社区",
            1, "吉林宾馆", "220204", T0, "调度", T0);

        // Ids come from the database; the batch tells its passengers apart by id.
        typeof(TransferTask).GetProperty(nameof(TransferTask.Id))!.SetValue(task, (long)sequence);
        return task;
    }
}
