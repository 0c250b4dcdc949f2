using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Areas;

/// <summary>
/// What anyone may look up without signing in: for a compound or community name, the designation
/// that applies there today and what it means. Designations are public notices; only names of
/// places, levels, dates and the deciding body leave here — never a reason (it may name a case),
/// a user, a resident or a count of cases. The jurisdiction filter is lifted on purpose, on every
/// set of each query alike.
/// </summary>
public static class PublicAreaStatus
{
    public const int MinQueryLength = 2;
    public const int MaxResults = 20;

    /// <param name="Path">The regions above, e.g. 吉林市 船营区 大东街道 吉源社区.</param>
    /// <param name="Level">The most severe designation in force on the place itself or on a region containing it; null when none.</param>
    /// <param name="SealedBuildings">Buildings of a compound designated on their own (e.g. 2 buildings sealed).</param>
    public sealed record Place(string Name, string Path, bool IsCompound, AreaLevel? Level, DateOnly? Since, string? ApprovingBody, int SealedBuildings);

    public static async Task<Result<IReadOnlyList<Place>>> SearchAsync(FangkongDbContext db, string? query, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var q = query?.Trim() ?? string.Empty;
        if (q.Length < MinQueryLength || q.Length > 50)
        {
            return Error.Invalid("q", ErrorText.Of("error.areas.enter-characters-compound-community-name", MinQueryLength));
        }

        var compounds = await db.Compounds.BypassJurisdiction(BypassReason.PublicAreaStatus).AsNoTracking()
            .Where(c => c.Name.Contains(q)).OrderBy(c => c.Name).ThenBy(c => c.Id).Take(MaxResults)
            .Select(c => new { c.Id, c.Name, c.RegionCode }).ToListAsync(ct);
        var regions = await db.Regions.AsNoTracking()
            .Where(r => r.Name.Contains(q) && (r.Level == RegionLevel.Community || r.Level == RegionLevel.Township))
            .OrderBy(r => r.Code).Take(MaxResults)
            .Select(r => new { r.Code, r.Name }).ToListAsync(ct);

        var codes = compounds.Select(c => c.RegionCode).Concat(regions.Select(r => r.Code)).SelectMany(Prefixes).Distinct(StringComparer.Ordinal).ToList();
        var names = await db.Regions.AsNoTracking().Where(r => EF.Parameter(codes).Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, StringComparer.Ordinal, ct);
        var ids = compounds.Select(c => (long?)c.Id).ToList();
        var active = await db.AreaDesignations.BypassJurisdiction(BypassReason.PublicAreaStatus).AsNoTracking()
            .Where(d => d.EndsOn == null && d.StartsOn <= today
                && ((d.UnitKind == Areas.AreaUnitKind.Region && EF.Parameter(codes).Contains(d.RegionCode))
                    || (d.UnitKind == Areas.AreaUnitKind.Compound && EF.Parameter(ids).Contains(d.UnitId))))
            .Select(d => new { d.UnitKind, d.RegionCode, d.UnitId, d.Level, d.StartsOn, d.ApprovingBody })
            .ToListAsync(ct);
        var buildingIds = ids.Count == 0 ? [] : await db.Buildings.BypassJurisdiction(BypassReason.PublicAreaStatus).AsNoTracking()
            .Where(b => EF.Parameter(ids).Contains(b.CompoundId))
            .Select(b => new { b.Id, b.CompoundId }).ToListAsync(ct);
        var bIds = buildingIds.Select(b => (long?)b.Id).ToList();
        var designatedBuildings = bIds.Count == 0 ? [] : await db.AreaDesignations.BypassJurisdiction(BypassReason.PublicAreaStatus).AsNoTracking()
            .Where(d => d.UnitKind == Areas.AreaUnitKind.Building && d.EndsOn == null && d.StartsOn <= today && EF.Parameter(bIds).Contains(d.UnitId))
            .Select(d => d.UnitId!.Value).ToListAsync(ct);
        var buildingsByCompound = buildingIds.Where(b => designatedBuildings.Contains(b.Id)).GroupBy(b => b.CompoundId).ToDictionary(g => g.Key, g => g.Count());

        string PathOf(string code) => string.Join(' ', Prefixes(code).Select(p => names.GetValueOrDefault(p)).Where(n => n is not null));

        Place Describe(string name, string code, long? compoundId)
        {
            var applying = active
                .Where(d => (d.UnitKind == Areas.AreaUnitKind.Region && code.StartsWith(d.RegionCode, StringComparison.Ordinal)) || (compoundId is not null && d.UnitId == compoundId && d.UnitKind == Areas.AreaUnitKind.Compound))
                .OrderByDescending(d => d.Level.Severity()).ThenByDescending(d => d.StartsOn)
                .FirstOrDefault();
            return new Place(name, PathOf(code), compoundId is not null, applying?.Level, applying?.StartsOn, applying?.ApprovingBody, compoundId is { } id ? buildingsByCompound.GetValueOrDefault(id) : 0);
        }

        var places = compounds.Select(c => Describe(c.Name, c.RegionCode, c.Id))
            .Concat(regions.Select(r => Describe(r.Name, r.Code, null)))
            .Take(MaxResults)
            .ToList();
        return places;
    }

    /// <summary>22, 2202, 220204, 220204003, 220204003001 for a community code.</summary>
    private static IEnumerable<string> Prefixes(string code) =>
        new[] { 2, 4, 6, 9, 12 }.Where(n => n <= code.Length).Select(n => code[..n]);
}
