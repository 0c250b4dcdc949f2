using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>
/// Finishes tracing that a crash or a lost connection interrupted: tubes with a result that
/// needs tracing (positive, invalid, or a single tube) and no <c>traced_at</c>, oldest first.
/// Runs as the system, in bounded batches.
/// </summary>
public static class SweepUntraced
{
    public const int BatchSize = 500;

    public static async Task<TracePools.Report> HandleAsync(FangkongDbContext system, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(system);
        var pending = await system.Tubes.AsNoTracking()
            .Where(t => t.Result != null && t.TracedAt == null && (t.Result != TestResult.Negative || t.PoolSize == 1))
            .OrderBy(t => t.Id)
            .Select(t => t.Id)
            .Take(BatchSize)
            .ToListAsync(ct);
        return await TracePools.HandleAsync(system, time, pending, ct);
    }
}
