using System.Security.Cryptography;
using System.Text;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Passes;

/// <summary>
/// Logs scans at a checkpoint: one from the scan page, or a batch uploaded later by a device
/// that verified offline. The server verifies every token again, at the time it was scanned,
/// with the same <see cref="PassVerifier"/>, then checks that the pass was issued with exactly
/// that token (a key that leaked cannot sign passes that do not exist), and logs allow/deny with
/// the reason. A client id is scoped to its checkpoint and bound to the token it was first sent
/// with: the same id with the same token is answered as before and not logged twice (uploads can
/// be retried); with another token it is refused with a conflict, and that attempt is logged too.
/// </summary>
public static class RecordPassScans
{
    public const int MaxBatch = 1000;
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public sealed record Scan(string? ClientId, string? Token, DateTimeOffset? ScannedAt);

    /// <summary>
    /// One scan's answer; <paramref name="ScanId"/> is the stored scan. Kind, plate, holder and
    /// validity are given only when the token's signature verified, never from an unsigned payload.
    /// </summary>
    public sealed record Outcome(
        string ClientId, bool AlreadyRecorded, bool Allowed, PassVerdict Verdict, string Reason, long? PassId, PassKind? Kind, string? Plate, string? Holder,
        DateTimeOffset? ValidTo, long ScanId);

    public static async Task<Result<IReadOnlyList<Outcome>>> HandleAsync(FangkongDbContext db, TimeProvider time, long checkpointId, IReadOnlyList<Scan> scans, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(scans);
        if (scans.Count is 0 or > MaxBatch)
        {
            return Error.Invalid("scans", ErrorText.Of("error.passes.batch-holds-scans", MaxBatch));
        }

        var checkpoint = await db.Checkpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == checkpointId, ct);
        if (checkpoint is null)
        {
            return Error.NotFound(ErrorText.Of("error.passes.checkpoint-not-found-jurisdiction", checkpointId));
        }

        var now = time.GetUtcNow();
        var firstHash = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < scans.Count; i++)
        {
            var s = scans[i];
            if (string.IsNullOrWhiteSpace(s.ClientId) || s.ClientId.Trim().Length > PassScan.ClientIdMaxLength)
            {
                return Error.Invalid($"scans[{i}].clientId", ErrorText.Of("error.passes.scan-needs-client-id-most", i + 1, PassScan.ClientIdMaxLength));
            }

            if (s.ScannedAt is { } at && at > now + ClockSkew)
            {
                return Error.Invalid($"scans[{i}].scannedAt", ErrorText.Of("error.passes.scan-dated-future", i + 1));
            }

            var hash = TokenHash(s.Token);
            if (firstHash.TryGetValue(s.ClientId.Trim(), out var earlier) && !CryptographicOperations.FixedTimeEquals(earlier, hash))
            {
                return Error.Invalid($"scans[{i}].clientId", ErrorText.Of("error.passes.scan-reuses-client-id-batch", i + 1));
            }

            firstHash.TryAdd(s.ClientId.Trim(), hash);
        }

        try
        {
            return await RecordAsync(db, checkpoint, scans, now, ct);
        }
        catch (DbUpdateException)
        {
            // The same batch arrived twice at once and the other copy saved first (unique client
            // ids per checkpoint): answer from what it logged, as for any retried upload.
            db.ChangeTracker.Clear();
            return await RecordAsync(db, checkpoint, scans, now, ct);
        }
    }

    /// <summary>SHA-256 of the token text as verified (trimmed); the token itself is not kept with the scan.</summary>
    public static byte[] TokenHash(string? token) => SHA256.HashData(Encoding.UTF8.GetBytes(token?.Trim() ?? string.Empty));

    private static async Task<Result<IReadOnlyList<Outcome>>> RecordAsync(FangkongDbContext db, Checkpoint checkpoint, IReadOnlyList<Scan> scans, DateTimeOffset now, CancellationToken ct)
    {
        var ids = scans.Select(s => s.ClientId!.Trim()).Distinct(StringComparer.Ordinal).ToList();
        // Only this checkpoint's first uses: an id used at another checkpoint (or jurisdiction) is another scan.
        var earlier = await db.PassScans.AsNoTracking()
            .Where(s => s.CheckpointId == checkpoint.Id && s.ReplayOf == null && ids.Contains(s.ClientId))
            .ToDictionaryAsync(s => s.ClientId, StringComparer.Ordinal, ct);
        using var verifier = await PassKeys.VerifierAsync(db, ct);
        var checks = scans.Select(s => verifier.Verify(s.Token, checkpoint.RegionCode, s.ScannedAt ?? now)).ToList();
        var issued = await IssuedTokensAsync(db, checks, ct);
        var officer = db.Jurisdiction.UserName;
        var answers = new Outcome?[scans.Count];
        var added = new Dictionary<string, (PassScan Scan, int Index)>(StringComparer.Ordinal);
        var refused = new List<(PassScan Scan, int Index)>();
        for (var i = 0; i < scans.Count; i++)
        {
            var s = scans[i];
            var clientId = s.ClientId!.Trim();
            var hash = TokenHash(s.Token);
            var check = checks[i];
            if (earlier.TryGetValue(clientId, out var logged))
            {
                if (logged.TokenHash is { } first && CryptographicOperations.FixedTimeEquals(first, hash))
                {
                    answers[i] = Answer(clientId, true, logged, check);
                    continue;
                }

                // The id is bound to another token (or to one logged before tokens were kept): refused, and logged.
                var replay = new PassScan(clientId, checkpoint, s.ScannedAt ?? now, new PassCheck(PassVerdict.ClientIdReused, check.Pass), officer, now, hash, logged.Id);
                refused.Add((replay, i));
                continue;
            }

            if (added.ContainsKey(clientId))
            {
                continue;
            }

            var scan = new PassScan(clientId, checkpoint, s.ScannedAt ?? now, WithIssued(check, s.Token, issued), officer, now, hash);
            added[clientId] = (scan, i);
        }

        if (refused.Count > 0)
        {
            // The batch is refused as a whole; only the refused attempts are logged.
            db.PassScans.AddRange(refused.Select(r => r.Scan));
            await db.SaveChangesAsync(ct);
            var which = string.Join(", ", refused.Select(r => $"scans[{r.Index}]"));
            return Error.Conflict(
                ErrorText.Of("error.passes.client-id-already-used-checkpoint", which));
        }

        db.PassScans.AddRange(added.Values.Select(a => a.Scan));
        await db.SaveChangesAsync(ct);
        for (var i = 0; i < scans.Count; i++)
        {
            if (answers[i] is null)
            {
                var (scan, first) = added[scans[i].ClientId!.Trim()];
                answers[i] = Answer(scan.ClientId, first != i, scan, checks[i]);
            }
        }

        return Result<IReadOnlyList<Outcome>>.Ok([.. answers.Select(a => a!)]);
    }

    /// <summary>The tokens issued for the passes that signature-verified checks name, by pass id.</summary>
    private static async Task<Dictionary<long, string?>> IssuedTokensAsync(FangkongDbContext db, IEnumerable<PassCheck> checks, CancellationToken ct)
    {
        var passIds = checks.Where(c => Signed(c.Verdict)).Select(c => c.Pass!.PassId).Distinct().ToList();
        // A pass may be issued in another jurisdiction and valid here (a city-wide pass at a county checkpoint).
        return await db.Passes.BypassJurisdiction(BypassReason.PassValidEverywhere).AsNoTracking().Where(p => passIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Token, ct);
    }

    /// <summary>A signed token is a pass only if the server issued that pass with exactly that token.</summary>
    private static PassCheck WithIssued(PassCheck check, string? token, Dictionary<long, string?> issued) =>
        Signed(check.Verdict) && !(issued.TryGetValue(check.Pass!.PassId, out var stored) && string.Equals(stored, token?.Trim(), StringComparison.Ordinal))
            ? new PassCheck(PassVerdict.UnknownPass, check.Pass)
            : check;

    private static bool Signed(PassVerdict verdict) => verdict is not (PassVerdict.Malformed or PassVerdict.UnknownKey or PassVerdict.BadSignature);

    private static Outcome Answer(string clientId, bool again, PassScan scan, PassCheck check)
    {
        var pass = ScanResult.Verified(scan.Verdict) ? check.Pass : null;
        return new Outcome(clientId, again, scan.Allowed, scan.Verdict, scan.Reason, scan.PassId, pass?.Kind, pass?.Plate, pass?.Holder, pass?.ValidTo, scan.Id);
    }
}
