using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Regions;

/// <summary>
/// Resident counts of a region's subtree from the maintained <see cref="ResidentCount"/> rows:
/// a sum over the codes under a prefix, whatever the population. The jurisdiction filter applies,
/// so a user only ever counts people they may see, as when persons were counted.
/// </summary>
public static class Populations
{
    /// <summary>Residents registered at <paramref name="prefix"/> or anywhere under it ("" for all).</summary>
    public static async Task<long> InSubtreeAsync(FangkongDbContext db, string prefix, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.ResidentCounts.AsNoTracking()
            .Where(r => r.RegionCode.StartsWith(prefix))
            .SumAsync(r => r.Residents, ct);
    }

    /// <summary>
    /// Residents under <paramref name="prefix"/> grouped by the first <paramref name="length"/> digits
    /// of their code: one line per subdivision of that length. People registered at a code shorter than
    /// <paramref name="length"/> (at the region itself) come under their own code, so that the lines
    /// add up to the subtree's population.
    /// </summary>
    public static async Task<Dictionary<string, long>> BySubdivisionAsync(FangkongDbContext db, string prefix, int length, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.ResidentCounts.AsNoTracking()
            .Where(r => r.RegionCode.StartsWith(prefix))
            .GroupBy(r => r.RegionCode.Substring(0, length))
            .Select(g => new { Code = g.Key, Residents = g.Sum(r => r.Residents) })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Code, r => r.Residents, StringComparer.Ordinal);
    }
}
