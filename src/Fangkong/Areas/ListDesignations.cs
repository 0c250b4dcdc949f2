using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Areas;

/// <summary>Designations under a region within the jurisdiction, most severe and newest first; paged. In force only, or the whole history.</summary>
public static class ListDesignations
{
    public sealed record Row(
        long Id, AreaUnitKind Kind, string RegionCode, long? UnitId, string UnitName, AreaLevel Level, DateOnly StartsOn, DateOnly? EndsOn,
        string Reason, string ApprovingBody, string ApprovedBy, long? ProposalId, string? EndReason, Cases.AreaScheme Scheme);

    public static async Task<Result<Page<Row>>> HandleAsync(FangkongDbContext db, string? regionCode, bool activeOnly, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var region = string.IsNullOrWhiteSpace(regionCode) ? db.Jurisdiction.RegionPrefix : Regions.RegionCode.Normalise(regionCode);
        if (region is null)
        {
            return Error.Invalid("region", ErrorText.Of("error.testing.not-region-code", regionCode));
        }

        if (!db.Jurisdiction.Covers(region))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction", region));
        }

        var query = db.AreaDesignations.AsNoTracking().Where(d => d.RegionCode.StartsWith(region));
        if (activeOnly)
        {
            query = query.Where(d => d.EndsOn == null);
        }

        var (number, size) = Page<Row>.Clamp(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(d => d.EndsOn != null).ThenByDescending(d => d.StartsOn).ThenByDescending(d => d.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(d => new Row(d.Id, d.UnitKind, d.RegionCode, d.UnitId, d.UnitName, d.Level, d.StartsOn, d.EndsOn, d.Reason, d.ApprovingBody, d.ApprovedBy, d.ProposalId, d.EndReason, d.Scheme))
            .ToListAsync(ct);
        return new Page<Row>(rows, number, size, total);
    }

    /// <summary>Every designation of one unit, oldest first: its history.</summary>
    public static async Task<Result<IReadOnlyList<Row>>> HistoryAsync(FangkongDbContext db, AreaUnitKind kind, string? regionCode, long? unitId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var unit = await AreaUnits.FindAsync(db, kind, regionCode, unitId, ct);
        if (!unit.IsSuccess)
        {
            return unit.Error!;
        }

        var u = unit.Value!;
        var query = db.AreaDesignations.AsNoTracking().Where(d => d.UnitKind == kind);
        query = u.UnitId is { } id ? query.Where(d => d.UnitId == id) : query.Where(d => d.RegionCode == u.RegionCode);
        var rows = await query.OrderBy(d => d.StartsOn).ThenBy(d => d.Id)
            .Select(d => new Row(d.Id, d.UnitKind, d.RegionCode, d.UnitId, d.UnitName, d.Level, d.StartsOn, d.EndsOn, d.Reason, d.ApprovingBody, d.ApprovedBy, d.ProposalId, d.EndReason, d.Scheme))
            .ToListAsync(ct);
        return rows;
    }
}
