using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Inspections;

/// <summary>An inspection with its checklist version's items, each with its result if recorded, and the officials who may own a finding.</summary>
public static class GetInspection
{
    public sealed record ItemLine(long ItemId, int No, string Text, Findings.FindingCategory Category, Findings.FindingSeverity Severity, ItemOutcome? Outcome, string? Note, long? FindingId);

    public sealed record OfficialOption(long OrganisationId, string Unit, long OfficialId, string Name, string Post);

    public sealed record Detail(
        long Id, InspectionKind Kind, InspectionStatus Status, InspectionTargetKind TargetKind, string RegionCode, string TargetName, long? PlaceId,
        long? OrganisationId, long ChecklistTemplateId, string ChecklistTitle, int ChecklistVersion, IReadOnlyList<string> Inspectors, DateOnly PlannedOn,
        DateTimeOffset? StartedAt, DateTimeOffset? CompletedAt, string? Summary, long? ReviewOfInspectionId, IReadOnlyList<ItemLine> Items,
        IReadOnlyList<OfficialOption> Officials, OfficialOption? Above = null);

    /// <summary>Who may own a finding: the officials of the inspected unit, the unit running the place, or the units of the region.</summary>
    internal static IQueryable<OfficialOption> OfficialsOf(FangkongDbContext db, Inspection i)
    {
        var units = db.Organisations.AsNoTracking();
        units = i.OrganisationId is { } unitId ? units.Where(o => o.Id == unitId)
            : i.PlaceId is { } placeId ? units.Where(o => o.PlaceId == placeId || o.RegionCode == i.RegionCode)
            : units.Where(o => o.RegionCode == i.RegionCode);
        return
            from o in units
            join p in db.Officials.AsNoTracking() on o.Id equals p.OrganisationId
            orderby o.Id, p.Id
            select new OfficialOption(o.Id, o.Name, p.Id, p.Name, p.Post);
    }

    public static async Task<Result<Detail>> HandleAsync(FangkongDbContext db, long id, bool seesPlannedUnannounced, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var i = await db.Inspections.AsNoTracking().Include(x => x.Results).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (i is null || (!seesPlannedUnannounced && ListInspections.IsHidden(i.Kind, i.Status)))
        {
            return Error.NotFound(ErrorText.Of("error.supervision.inspection-not-found-jurisdiction", id));
        }

        var template = await db.ChecklistTemplates.AsNoTracking().Include(t => t.Items).FirstAsync(t => t.Id == i.ChecklistTemplateId, ct);
        var results = i.Results.ToDictionary(r => r.ChecklistItemId);
        var items = template.Items.OrderBy(x => x.No).Select(x =>
        {
            var r = results.GetValueOrDefault(x.Id);
            return new ItemLine(x.Id, x.No, x.Text, x.Category, x.Severity, r?.Outcome, r?.Note, r?.FindingId);
        }).ToList();

        var officials = await OfficialsOf(db, i).Take(100).ToListAsync(ct);
        // Nobody on record for the inspected unit or area: a failed item goes to the official of the lowest level that has one (属地责任).
        var above = officials.Count == 0 ? await ConductInspection.OwnerAboveAsync(db, i, ct) : null;
        return new Detail(
            i.Id, i.Kind, i.Status, i.TargetKind, i.RegionCode, i.TargetName, i.PlaceId, i.OrganisationId, template.Id, template.Title, template.Version,
            i.InspectorList, i.PlannedOn, i.StartedAt, i.CompletedAt, i.Summary, i.ReviewOfInspectionId, items, officials,
            above is null ? null : new OfficialOption(above.OrganisationId, above.Unit, above.OfficialId, above.Person, string.Empty));
    }
}
