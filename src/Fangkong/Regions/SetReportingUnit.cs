using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Regions;

/// <summary>Makes a county-level city report on its own bulletin line, or stop doing so (audited).</summary>
public static class SetReportingUnit
{
    public static async Task<Result<Region>> HandleAsync(FangkongDbContext db, string code, bool ownLine, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var normalised = RegionCode.Normalise(code);
        if (normalised is null || normalised.Length != 6)
        {
            return Error.Invalid("code", ErrorText.Of("error.regions.not-county-level-code", code));
        }

        if (db.Jurisdiction.RegionPrefix.Length > 0 && !db.Jurisdiction.Covers(normalised[..2]))
        {
            return Error.Forbidden(ErrorText.Of("error.regions.only-province-decides-lines"));
        }

        var region = await db.Regions.FirstOrDefaultAsync(r => r.Code == normalised, ct);
        if (region is null)
        {
            return Error.NotFound(ErrorText.Of("error.testing.region-not-registry", normalised));
        }

        region.SetReportingUnit(ownLine);
        await db.SaveChangesAsync(ct);
        return region;
    }

    /// <summary>The codes that currently report on their own line.</summary>
    public static async Task<IReadOnlySet<string>> OwnLinesAsync(FangkongDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var codes = await db.Regions.AsNoTracking().Where(r => r.IsReportingUnit).Select(r => r.Code).ToListAsync(ct);
        return codes.ToHashSet(StringComparer.Ordinal);
    }
}
