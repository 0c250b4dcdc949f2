using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Inspections;

/// <summary>
/// Inspections in the caller's jurisdiction, newest plan first, paged. 四不两直: a planned
/// unannounced inspection is shown only to those who conduct inspections — the inspected units'
/// own officials learn of it when the inspectors arrive.
/// </summary>
public static class ListInspections
{
    public sealed record Query(InspectionStatus? Status = null, InspectionKind? Kind = null, bool MineOnly = false, int? Page = null, int? PageSize = null);

    public sealed record Row(
        long Id, InspectionKind Kind, InspectionStatus Status, string TargetName, string RegionCode, DateOnly PlannedOn, string Inspectors, int Results, int Failed);

    public static bool IsHidden(InspectionKind kind, InspectionStatus status) => kind == InspectionKind.Unannounced && status == InspectionStatus.Planned;

    public static async Task<Page<Row>> HandleAsync(FangkongDbContext db, Query query, bool seesPlannedUnannounced, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        IQueryable<Inspection> inspections = db.Inspections.AsNoTracking();
        if (!seesPlannedUnannounced)
        {
            inspections = inspections.Where(i => !(i.Kind == InspectionKind.Unannounced && i.Status == InspectionStatus.Planned));
        }

        if (query.Status is { } status)
        {
            inspections = inspections.Where(i => i.Status == status);
        }

        if (query.Kind is { } kind)
        {
            inspections = inspections.Where(i => i.Kind == kind);
        }

        if (query.MineOnly)
        {
            // Space-separated names: match a whole name, not a prefix of another.
            var me = db.Jurisdiction.UserName;
            inspections = inspections.Where(i => (" " + i.Inspectors + " ").Contains(" " + me + " "));
        }

        var (number, size) = Page<Row>.Clamp(query.Page, query.PageSize);
        var total = await inspections.CountAsync(ct);
        var rows = await inspections.OrderByDescending(i => i.PlannedOn).ThenByDescending(i => i.Id).Skip((number - 1) * size).Take(size)
            .Select(i => new Row(
                i.Id, i.Kind, i.Status, i.TargetName, i.RegionCode, i.PlannedOn, i.Inspectors, i.Results.Count(), i.Results.Count(r => r.Outcome == ItemOutcome.Fail)))
            .ToListAsync(ct);
        return new Page<Row>(rows, number, size, total);
    }
}
