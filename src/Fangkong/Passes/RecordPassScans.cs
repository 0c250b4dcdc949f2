using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Passes;

/// <summary>
/// Logs scans at a checkpoint: one from the scan page, or a batch uploaded later by a device
/// that verified offline. The server verifies every token again, at the time it was scanned,
/// with the same <see cref="PassVerifier"/>, and logs allow/deny with the reason. A scan whose
/// client id is already logged is answered as before and not logged twice, so uploads can be retried.
/// </summary>
public static class RecordPassScans
{
    public const int MaxBatch = 1000;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public sealed record Scan(string? ClientId, string? Token, DateTimeOffset? ScannedAt);

    public sealed record Outcome(
        string ClientId, bool AlreadyRecorded, bool Allowed, PassVerdict Verdict, string Reason, long? PassId, PassKind? Kind, string? Plate, string? Holder, DateTimeOffset? ValidTo);

    public static async Task<Result<IReadOnlyList<Outcome>>> HandleAsync(FangkongDbContext db, TimeProvider time, long checkpointId, IReadOnlyList<Scan> scans, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(scans);
        if (scans.Count is 0 or > MaxBatch)
        {
            return Error.Invalid("scans", $"每批 1–{MaxBatch} 条扫码记录 (A batch holds 1 to {MaxBatch} scans).");
        }

        var checkpoint = await db.Checkpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == checkpointId, ct);
        if (checkpoint is null)
        {
            return Error.NotFound($"卡点 {checkpointId} 不存在或不在您的辖区内 (Checkpoint {checkpointId} was not found in your jurisdiction).");
        }

        var now = time.GetUtcNow();
        for (var i = 0; i < scans.Count; i++)
        {
            var s = scans[i];
            if (string.IsNullOrWhiteSpace(s.ClientId) || s.ClientId.Trim().Length > PassScan.ClientIdMaxLength)
            {
                return Error.Invalid($"scans[{i}].clientId", $"第 {i + 1} 条缺少客户端编号（不超过 {PassScan.ClientIdMaxLength} 字符）(Scan {i + 1} needs a client id of at most {PassScan.ClientIdMaxLength} characters).");
            }

            if (s.ScannedAt is { } at && at > now + ClockSkew)
            {
                return Error.Invalid($"scans[{i}].scannedAt", $"第 {i + 1} 条的扫码时间在未来 (Scan {i + 1} is dated in the future).");
            }
        }

        try
        {
            return Result<IReadOnlyList<Outcome>>.Ok(await RecordAsync(db, checkpoint, scans, now, ct));
        }
        catch (DbUpdateException)
        {
            // The same batch arrived twice at once and the other copy saved first (unique client
            // ids): answer from what it logged, as for any retried upload.
            db.ChangeTracker.Clear();
            return Result<IReadOnlyList<Outcome>>.Ok(await RecordAsync(db, checkpoint, scans, now, ct));
        }
    }

    private static async Task<IReadOnlyList<Outcome>> RecordAsync(FangkongDbContext db, Checkpoint checkpoint, IReadOnlyList<Scan> scans, DateTimeOffset now, CancellationToken ct)
    {
        var ids = scans.Select(s => s.ClientId!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        // Client ids are unique across checkpoints, so the look-up ignores the jurisdiction filter.
        var earlier = await db.PassScans.IgnoreQueryFilters().AsNoTracking().Where(s => ids.Contains(s.ClientId)).ToDictionaryAsync(s => s.ClientId, StringComparer.Ordinal, ct);
        using var verifier = await PassKeys.VerifierAsync(db, ct);
        var outcomes = new List<Outcome>(scans.Count);
        var added = new Dictionary<string, Outcome>(StringComparer.Ordinal);
        foreach (var s in scans)
        {
            var clientId = s.ClientId!.Trim();
            var check = verifier.Verify(s.Token, checkpoint.RegionCode, s.ScannedAt ?? now);
            var pass = check.Pass;
            if (earlier.TryGetValue(clientId, out var logged))
            {
                outcomes.Add(new Outcome(clientId, true, logged.Allowed, logged.Verdict, logged.Reason, logged.PassId, pass?.Kind, pass?.Plate, pass?.Holder, pass?.ValidTo));
                continue;
            }

            if (added.TryGetValue(clientId, out var same))
            {
                outcomes.Add(same with { AlreadyRecorded = true });
                continue;
            }

            db.PassScans.Add(new PassScan(clientId, checkpoint, s.ScannedAt ?? now, check, db.Jurisdiction.UserName, now));
            var outcome = new Outcome(clientId, false, check.Allowed, check.Verdict, check.Reason, pass?.PassId, pass?.Kind, pass?.Plate, pass?.Holder, pass?.ValidTo);
            added[clientId] = outcome;
            outcomes.Add(outcome);
        }

        await db.SaveChangesAsync(ct);
        return outcomes;
    }
}
