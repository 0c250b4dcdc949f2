using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Common.Input;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>
/// Records a batch of swabs from a sampling client. Each scan carries a client-generated id: a
/// batch sent again after a timeout finds its scans recorded and reports them as such, never
/// twice. Each scan is accepted or refused on its own (a full tube, the same person twice in a
/// tube, a tube already tested, a bad identity number), and the accepted ones are written together.
/// </summary>
public static class RecordScans
{
    public const int MaxBatch = 1_000;

    public sealed record Scan(string ClientId, string TubeBarcode, string IdNumber, [Happened] DateTimeOffset SampledAt, string SamplingPoint, int? PoolSize = null, string? PointRegion = null);

    public enum Outcome
    {
        Recorded,
        AlreadyRecorded,
        Refused,
    }

    public sealed record ScanResult(string ClientId, Outcome Outcome, string? Reason, string? TubeBarcode, int? TubeCount);

    public static async Task<Result<IReadOnlyList<ScanResult>>> HandleAsync(
        FangkongDbContext db, long roundId, IReadOnlyList<Scan> scans, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scans);
        if (scans.Count is 0 or > MaxBatch)
        {
            return Error.Invalid("scans", ErrorText.Of("error.testing.batch-holds-scans", MaxBatch));
        }

        // One pooled connection for the whole batch (the round, the points, the transaction), not
        // one per query: at the sampling peak every connection taken from the pool is a wait in its queue.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var found = await RoundAccess.FindAsync(db, roundId, ct);
            if (!found.IsSuccess)
            {
                return found.Error!;
            }

            return Result<IReadOnlyList<ScanResult>>.Ok(await ScanBatch.RecordAsync(db, found.Value!, scans, ct));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
