using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Stay;

/// <summary>
/// For a round created while people are in quarantine: exempts every checked-in person of the
/// caller's jurisdiction living in the round's area (tested at the site). Check-in does the same
/// for the rounds open at the time; this covers rounds that start later. Idempotent.
/// </summary>
public static class ExemptInQuarantine
{
    public sealed record Exempted(long RoundId, int Count);

    public static async Task<Result<Exempted>> HandleAsync(FangkongDbContext db, TimeProvider time, long roundId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var round = await RoundAccess.FindAsync(db, roundId, ct);
        if (!round.IsSuccess)
        {
            return round.Error!;
        }

        var placements = await db.Placements.Where(p => p.State == PlacementState.CheckedIn && p.RegionCode.StartsWith(round.Value!.RegionCode)).ToListAsync(ct);
        var count = 0;
        var now = time.GetUtcNow();
        foreach (var placement in placements)
        {
            var subject = await StayRecords.SubjectAsync(db, placement, ct);
            count += await CheckIn.ExemptAsync(db, placement, subject, [round.Value!], now, ct);
        }

        await db.SaveChangesAsync(ct);
        return new Exempted(roundId, count);
    }
}
