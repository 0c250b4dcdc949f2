using Fangkong.Data;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.CommandCentre;

/// <summary>The round a region works on now: the latest started over the region, over a region above it, or over part of it.</summary>
public static class CurrentRound
{
    public static Task<TestingRound?> FindAsync(FangkongDbContext db, string code, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.TestingRounds.AsNoTracking()
            .Where(r => code.StartsWith(r.RegionCode) || r.RegionCode.StartsWith(code))
            .OrderByDescending(r => r.StartsAt).ThenByDescending(r => r.Id)
            .FirstOrDefaultAsync(ct);
    }
}
