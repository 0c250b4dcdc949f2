using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Residences;

/// <summary>
/// The compounds (小区) of a community or township with their buildings and residents: the
/// list a community worker walks for door-to-door work. Paged; within the jurisdiction.
/// </summary>
public static class ListCompounds
{
    public sealed record Row(long Id, string Name, string RegionCode, int Buildings, int Residents);

    public static async Task<Result<Page<Row>>> HandleAsync(FangkongDbContext db, string regionCode, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var region = RegionCode.Normalise(regionCode);
        if (region is null || region.Length < (int)RegionLevel.Township)
        {
            return Error.Invalid("region", ErrorText.Of("error.residences.not-township-community-code-digits", regionCode));
        }

        if (!db.Jurisdiction.Covers(region))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction", region));
        }

        var compounds = db.Compounds.AsNoTracking().Where(c => c.RegionCode.StartsWith(region));
        var (number, size) = Page<Row>.Clamp(page, pageSize);
        var total = await compounds.CountAsync(ct);
        var rows = await compounds.OrderBy(c => c.RegionCode).ThenBy(c => c.Name)
            .Skip((number - 1) * size).Take(size)
            .Select(c => new { c.Id, c.Name, c.RegionCode })
            .ToListAsync(ct);
        // Non-nullable ids: EF matches a list of long? with "= ANY(@ids) OR (IS NULL AND …)",
        // which no index serves.
        var ids = rows.Select(r => r.Id).ToList();

        // Residents and buildings counted for this page's compounds only, through the compound
        // index (migration 0180): a compound's residents, never the whole street's. The persons'
        // jurisdiction filter still applies; the compounds are inside it already.
        var residents = await db.Persons.AsNoTracking()
            .Where(p => p.CompoundId != null && ids.Contains(p.CompoundId.Value))
            .GroupBy(p => p.CompoundId!.Value)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var buildings = await db.Buildings.AsNoTracking()
            .Where(b => ids.Contains(b.CompoundId))
            .GroupBy(b => b.CompoundId)
            .Select(g => new { Id = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Id, x => x.Count, ct);
        var items = rows.Select(r => new Row(r.Id, r.Name, r.RegionCode, buildings.GetValueOrDefault(r.Id), residents.GetValueOrDefault(r.Id))).ToList();
        return new Page<Row>(items, number, size, total);
    }
}
