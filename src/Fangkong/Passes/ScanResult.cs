using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Passes;

/// <summary>
/// What the checkpoint scan page shows after a scan: a scan stored in the database, at that
/// checkpoint, by the officer asking, looked up by its id. Nothing of a verdict comes from a link,
/// so a crafted URL or QR code cannot show a green 通行 (issue 14 item 2).
/// </summary>
public static class ScanResult
{
    public sealed record View(
        long ScanId, DateTimeOffset ScannedAt, bool Allowed, PassVerdict Verdict, long? PassId, PassKind? Kind, string? Plate, string? Holder, DateTimeOffset? ValidTo);

    /// <summary>True when the verdict rests on a signature that verified and a pass that was issued, so the pass's details may be shown.</summary>
    public static bool Verified(PassVerdict verdict) =>
        verdict is not (PassVerdict.Malformed or PassVerdict.UnknownKey or PassVerdict.BadSignature or PassVerdict.UnknownPass or PassVerdict.ClientIdReused);

    /// <summary>The scan, or null when there is none with that id at that checkpoint by the caller (or in the caller's jurisdiction).</summary>
    public static async Task<View?> FindAsync(FangkongDbContext db, long checkpointId, long scanId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var officer = db.Jurisdiction.UserName;
        var scan = await db.PassScans.AsNoTracking()
            .FirstOrDefaultAsync(s => s.Id == scanId && s.CheckpointId == checkpointId && s.Officer == officer, ct);
        if (scan is null)
        {
            return null;
        }

        // The pass's details come from its record (masked holder), and only for a pass the server issued.
        // A pass of another jurisdiction may be valid at this checkpoint, hence no jurisdiction filter.
        var pass = scan.PassId is { } passId && Verified(scan.Verdict)
            ? await db.Passes.BypassJurisdiction(BypassReason.PassValidEverywhere).AsNoTracking().FirstOrDefaultAsync(p => p.Id == passId, ct)
            : null;
        return new View(scan.Id, scan.ScannedAt, scan.Allowed, scan.Verdict, scan.PassId, pass?.Kind, pass?.Plate, pass?.MaskedHolder(), pass?.ValidTo);
    }
}
