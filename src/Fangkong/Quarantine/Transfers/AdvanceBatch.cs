using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Quarantine.Transfers;

/// <summary>The crew's steps of a batch: everyone picked up (the absent named, back to waiting), and arrival at the site.</summary>
public static class AdvanceBatch
{
    public sealed record PickUpCommand(IReadOnlyList<long>? Absent, [Happened] DateTimeOffset? At);

    public sealed record ArriveCommand([Happened] DateTimeOffset? At);

    public sealed record Advanced(long BatchId, BatchState State, int Passengers, IReadOnlyList<long> LeftBehind);

    public static async Task<Result<Advanced>> PickUpAsync(FangkongDbContext db, TimeProvider time, long batchId, PickUpCommand command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        var (batch, tasks, error) = await LoadAsync(db, batchId, ct);
        if (error is not null)
        {
            return error;
        }

        var absent = (command.Absent ?? []).ToHashSet();
        var stranger = absent.Except(tasks.Select(t => t.Id)).FirstOrDefault();
        if (stranger > 0)
        {
            return Error.Invalid("absent", ErrorText.Of("error.quarantine.transfer-not-batch", stranger, batchId));
        }

        var at = TransferTimes.Resolve(command.At, batch!.DispatchedAt, time.GetUtcNow(), "at");
        if (!at.IsSuccess)
        {
            return at.Error!;
        }

        if (batch.PickUp(tasks, absent, at.Value) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(ct);
        return new Advanced(batch.Id, batch.State, batch.Passengers, [.. absent]);
    }

    public static async Task<Result<Advanced>> ArriveAsync(FangkongDbContext db, TimeProvider time, long batchId, ArriveCommand command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        var (batch, tasks, error) = await LoadAsync(db, batchId, ct);
        if (error is not null)
        {
            return error;
        }

        var at = TransferTimes.Resolve(command.At, batch!.PickedUpAt ?? batch.DispatchedAt, time.GetUtcNow(), "at");
        if (!at.IsSuccess)
        {
            return at.Error!;
        }

        if (batch.Arrive(tasks, at.Value) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(ct);
        return new Advanced(batch.Id, batch.State, batch.Passengers, []);
    }

    private static async Task<(TransferBatch? Batch, List<TransferTask> Tasks, Error? Error)> LoadAsync(FangkongDbContext db, long batchId, CancellationToken ct)
    {
        var batch = await db.TransferBatches.FirstOrDefaultAsync(b => b.Id == batchId, ct);
        if (batch is null)
        {
            return (null, [], Error.NotFound(ErrorText.Of("error.quarantine.batch-does-not-exist-outside", batchId)));
        }

        var tasks = await db.TransferTasks.Where(t => t.BatchId == batchId).OrderBy(t => t.Id).ToListAsync(ct);
        return (batch, tasks, null);
    }
}
