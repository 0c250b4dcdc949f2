using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Fangkong.Cases;

namespace Fangkong.Areas;

/// <summary>Finds the unit a request names, within the caller's jurisdiction, with its display name.</summary>
public static class AreaUnits
{
    public static async Task<Result<AreaUnit>> FindAsync(FangkongDbContext db, AreaUnitKind kind, string? regionCode, long? unitId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        switch (kind)
        {
            case AreaUnitKind.Region:
                var code = Regions.RegionCode.Normalise(regionCode);
                if (code is null)
                {
                    return Error.Invalid("region", ErrorText.Of("error.testing.not-region-code", regionCode));
                }

                // Regions are reference data, visible to all: the jurisdiction is checked on the code.
                if (!db.Jurisdiction.Covers(code))
                {
                    return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction", code));
                }

                var region = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => r.Name).FirstOrDefaultAsync(ct);
                return region is null
                    ? Error.NotFound(ErrorText.Of("error.testing.region-not-registry", code))
                    : new AreaUnit(kind, code, null, region);
            case AreaUnitKind.Compound:
                var compound = await db.Compounds.AsNoTracking().Where(c => c.Id == unitId).Select(c => new { c.RegionCode, c.Name }).FirstOrDefaultAsync(ct);
                return compound is null
                    ? Error.NotFound(ErrorText.Of("error.areas.compound-not-found-jurisdiction", unitId))
                    : new AreaUnit(kind, compound.RegionCode, unitId, compound.Name);
            default:
                var building = await (
                        from b in db.Buildings.AsNoTracking()
                        where b.Id == unitId
                        join c in db.Compounds on b.CompoundId equals c.Id
                        select new { b.RegionCode, Name = c.Name + " " + b.Name })
                    .FirstOrDefaultAsync(ct);
                return building is null
                    ? Error.NotFound(ErrorText.Of("error.areas.building-not-found-jurisdiction", unitId))
                    : new AreaUnit(kind, building.RegionCode, unitId, building.Name);
        }
    }

    /// <summary>
    /// The designation in force on the unit in <paramref name="scheme"/>, if any (tracked, so that it can
    /// be ended); a unit holds one per scheme (issue 15, rule 6). Without a scheme, the first in force.
    /// </summary>
    public static Task<AreaDesignation?> ActiveAsync(FangkongDbContext db, AreaUnit unit, AreaScheme? scheme = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(unit);
        var query = unit.UnitId is { } id
            ? db.AreaDesignations.Where(d => d.UnitKind == unit.Kind && d.UnitId == id && d.EndsOn == null)
            : db.AreaDesignations.Where(d => d.UnitKind == AreaUnitKind.Region && d.RegionCode == unit.RegionCode && d.EndsOn == null);
        if (scheme is { } s)
        {
            query = query.Where(d => d.Scheme == s);
        }

        return query.OrderBy(d => d.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The area schemes the plan in force for the region on the day allows (its own first).</summary>
    public static async Task<Result<IReadOnlyList<AreaScheme>>> SchemesAsync(FangkongDbContext db, string regionCode, DateOnly day, CancellationToken ct = default)
    {
        var policy = await Cases.PolicyVersions.InForceAsync(db, regionCode, day, ct);
        return policy.IsSuccess ? Result<IReadOnlyList<AreaScheme>>.Ok(policy.Value!.AreaSchemes()) : policy.Error!;
    }

    /// <summary>The area scheme of the plan in force for the region on the day.</summary>
    public static async Task<Result<AreaScheme>> SchemeAsync(FangkongDbContext db, string regionCode, DateOnly day, CancellationToken ct = default)
    {
        var policy = await Cases.PolicyVersions.InForceAsync(db, regionCode, day, ct);
        return policy.IsSuccess ? policy.Value!.AreaScheme : policy.Error!;
    }
}
