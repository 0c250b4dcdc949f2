using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>The rounds whose area overlaps the caller's region, newest first, paged.</summary>
public static class ListRounds
{
    public sealed record Row(long Id, string Name, string RegionCode, DateTimeOffset StartsAt, DateTimeOffset Deadline, int PoolSize, int Tubes);

    public static async Task<Page<Row>> HandleAsync(FangkongDbContext db, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var prefix = db.Jurisdiction.RegionPrefix;

        // Overlap both ways: rounds inside the caller's region, and rounds over an area that contains it.
        var ancestors = Enumerable.Range(1, prefix.Length).Select(n => prefix[..n]).ToList();
        var rounds = db.TestingRounds.AsNoTracking().Where(r => r.RegionCode.StartsWith(prefix) || ancestors.Contains(r.RegionCode));
        var (number, size) = Page<Row>.Clamp(page, pageSize);
        var total = await rounds.CountAsync(ct);
        var tubes = db.Tubes.BypassJurisdiction(BypassReason.SwabsTakenAnywhere);
        var rows = await rounds.OrderByDescending(r => r.Id).Skip((number - 1) * size).Take(size)
            .Select(r => new Row(r.Id, r.Name, r.RegionCode, r.StartsAt, r.Deadline, r.PoolSize, tubes.Count(t => t.RoundId == r.Id)))
            .ToListAsync(ct);
        return new Page<Row>(rows, number, size, total);
    }
}
