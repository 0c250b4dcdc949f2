using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Areas;

/// <summary>
/// The largest pool advised for swabs taken in a region (or a compound) on a day (issue 15, rule 7):
/// the most severe designation in force there, in either scheme, read against the pool sizes of the
/// plan version in force (<see cref="AreaPoolSizes"/>). The region's own designation and those of
/// the township and county around it count; a compound's when one is named. Designations are
/// published (the public status page shows them), so those of the regions around the caller's
/// jurisdiction are read too.
/// </summary>
public static class AdvisePoolSize
{
    /// <param name="Level">The designation that decided it; null when none is in force (the plan's "elsewhere").</param>
    /// <param name="UnitName">The unit it designates, e.g. 吉源社区.</param>
    public sealed record Advice(string RegionCode, DateOnly Day, string PolicyCode, int PoolSize, AreaLevel? Level, string? UnitName);

    public static async Task<Result<Advice>> HandleAsync(FangkongDbContext db, string? regionCode, long? compoundId, DateOnly day, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var region = Regions.RegionCode.Normalise(regionCode);
        if (region is null)
        {
            return Error.Invalid("region", ErrorText.Of("error.testing.not-region-code", regionCode));
        }

        if (!db.Jurisdiction.Covers(region))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction", region));
        }

        if (compoundId is { } id && !await db.Compounds.AsNoTracking().AnyAsync(c => c.Id == id && c.RegionCode.StartsWith(region), ct))
        {
            return Error.NotFound(ErrorText.Of("error.areas.compound-not-found-jurisdiction", id));
        }

        var policy = await PolicyVersions.InForceAsync(db, region, day, ct);
        if (!policy.IsSuccess)
        {
            return policy.Error!;
        }

        var around = Enumerable.Range(1, region.Length).Select(n => region[..n]).ToList();
        var designations = await db.AreaDesignations.BypassJurisdiction(BypassReason.PublicAreaStatus).AsNoTracking()
            .Where(d => d.StartsOn <= day && (d.EndsOn == null || d.EndsOn > day))
            .Where(d => (d.UnitKind == AreaUnitKind.Region && EF.Parameter(around).Contains(d.RegionCode))
                || (compoundId != null && d.UnitKind == AreaUnitKind.Compound && d.UnitId == compoundId))
            .Select(d => new { d.Level, d.UnitName })
            .ToListAsync(ct);
        var decisive = designations.OrderByDescending(d => d.Level.Severity()).FirstOrDefault();
        var size = SizeFor(policy.Value!.PoolSizesByArea(), decisive?.Level);
        return new Advice(region, day, policy.Value!.Code, size, decisive?.Level, decisive?.UnitName);
    }

    /// <summary>The plan's pool size for a level of either scheme: sealed and high risk alike, controlled and medium alike.</summary>
    public static int SizeFor(AreaPoolSizes sizes, AreaLevel? level)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        return level?.Severity() switch
        {
            3 => sizes.Sealed,
            2 => sizes.Controlled,
            _ => sizes.Elsewhere,
        };
    }
}
