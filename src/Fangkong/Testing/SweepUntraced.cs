using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>
/// Finishes tracing that a crash, a lost connection or a failed after-commit reaction
/// (<see cref="TraceRecordedResults"/>) interrupted: tubes with a result that
/// needs tracing (positive, invalid, or a single tube) and no <c>traced_at</c>, oldest first.
/// Runs as the system, in bounded batches.
/// </summary>
public static class SweepUntraced
{
    public const int BatchSize = 500;

    /// <summary>Tubes traced per transaction.</summary>
    public const int TubesPerTransaction = 50;

    public static async Task<TracePools.Report> HandleAsync(FangkongDbContext system, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        var pending = await system.Tubes.AsNoTracking()
            .Where(t => t.Result != null && t.TracedAt == null && (t.Result != TestResult.Negative || t.PoolSize == 1))
            .OrderBy(t => t.Id)
            .Select(t => t.Id)
            .Take(BatchSize)
            .ToListAsync(ct);
        // Short transactions: the write lock (one writer on SQLite) is never held for a whole batch.
        var total = TracePools.Report.None;
        foreach (var chunk in pending.Chunk(TubesPerTransaction))
        {
            total = total.Plus(await TracePools.HandleAsync(system, time, chunk, ct));
        }

        return total;
    }
}
