using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Supervision.Findings;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Inspections;

/// <summary>
/// Conducting an inspection, by one of its inspectors: start it, record a result per checklist
/// item — a failed item raises a finding at once, with its owner and deadline, or is refused — and
/// complete it when every item has a result.
/// </summary>
public static class ConductInspection
{
    /// <summary>A result; for <see cref="ItemOutcome.Fail"/> the owner and deadline of the finding are required.</summary>
    public sealed record Record(long InspectionId, long ItemId, ItemOutcome Outcome, string? Note, long? OrganisationId = null, long? OfficialId = null, DateTimeOffset? Deadline = null);

    public sealed record Recorded(long ResultId, int ItemNo, ItemOutcome Outcome, long? FindingId);

    public static async Task<Result<InspectionStatus>> StartAsync(FangkongDbContext db, TimeProvider time, long id, CancellationToken ct = default)
    {
        var found = await FindAsInspectorAsync(db, id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        if (found.Value!.Start(time.GetUtcNow()) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(ct);
        return found.Value.Status;
    }

    public static async Task<Result<Recorded>> RecordAsync(FangkongDbContext db, TimeProvider time, Record command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var found = await FindAsInspectorAsync(db, command.InspectionId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var inspection = found.Value!;
        var item = await db.ChecklistItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == command.ItemId, ct);
        if (item is null)
        {
            return Error.NotFound(ErrorText.Of("error.supervision.checklist-item-not-found", command.ItemId));
        }

        // Validate the finding before anything is recorded: a failed item without an owner is refused whole.
        (Organisations.Organisation Unit, Organisations.Official Official)? owner = null;
        if (command.Outcome == ItemOutcome.Fail)
        {
            var unitId = command.OrganisationId ?? await DefaultUnitAsync(db, inspection, ct);
            var officialId = command.OfficialId;
            if (officialId is null && !await GetInspection.OfficialsOf(db, inspection).AnyAsync(ct))
            {
                // The inspected unit or area has no official on record: the lowest level with one owns the finding (issue 16, item 4).
                if (await OwnerAboveAsync(db, inspection, ct) is not { } above)
                {
                    return Error.Invalid("official", ErrorText.Of("error.supervision.no-official-on-record", inspection.TargetName));
                }

                (unitId, officialId) = (above.OrganisationId, above.OfficialId);
            }

            var resolved = await RaiseFinding.OwnerAsync(db, unitId, officialId, ct);
            if (!resolved.IsSuccess)
            {
                return resolved.Error!;
            }

            owner = resolved.Value;
        }

        var now = time.GetUtcNow();
        if (command.Outcome == ItemOutcome.Fail && (command.Deadline is not { } deadline || deadline <= now))
        {
            return Error.Invalid("deadline", ErrorText.Of("error.supervision.failed-item-needs-rectification-deadline"));
        }

        var recorded = inspection.Record(item, command.Outcome, command.Note, db.Jurisdiction.UserName, now);
        if (!recorded.IsSuccess)
        {
            return recorded.Error!;
        }

        var result = recorded.Value!;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (owner is var (unit, official))
        {
            var raised = Finding.Raise(new Finding.Draft(
                FindingSource.Inspection, unit.RegionCode, item.Text.Truncate(Finding.TitleMaxLength), command.Note, item.Category, item.Severity, unit.Id, unit.Name, official.Id,
                $"{official.Name}（{official.Post}）".Truncate(Finding.NameMaxLength), command.Deadline, db.Jurisdiction.UserName, now, inspection.Id, result.Id));
            if (!raised.IsSuccess)
            {
                await transaction.RollbackAsync(ct);
                return raised.Error!;
            }

            var finding = raised.Value!;
            db.Findings.Add(finding);
            await db.SaveChangesAsync(ct);
            db.FindingEvents.Add(new FindingEvent(finding, FindingAction.Raised, db.Jurisdiction.UserName, now, $"{InspectionText.Zh(inspection.Kind)} {inspection.Id} 第 {item.No} 项"));
            result.RaisedFinding(finding.Id);
            await db.SaveChangesAsync(ct);
        }

        await transaction.CommitAsync(ct);
        return new Recorded(result.Id, result.ItemNo, result.Outcome, result.FindingId);
    }

    public static async Task<Result<InspectionStatus>> CompleteAsync(FangkongDbContext db, TimeProvider time, long id, string? summary, CancellationToken ct = default)
    {
        var found = await FindAsInspectorAsync(db, id, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var inspection = found.Value!;
        var items = await db.ChecklistItems.CountAsync(i => i.TemplateId == inspection.ChecklistTemplateId, ct);
        if (inspection.Complete(summary, items, time.GetUtcNow()) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(ct);
        return inspection.Status;
    }

    /// <summary>The inspection, with its results, if the caller is one of its inspectors.</summary>
    private static async Task<Result<Inspection>> FindAsInspectorAsync(FangkongDbContext db, long id, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var inspection = await db.Inspections.Include(i => i.Results).FirstOrDefaultAsync(i => i.Id == id, ct);
        if (inspection is null)
        {
            return Error.NotFound(ErrorText.Of("error.supervision.inspection-not-found-jurisdiction", id));
        }

        return inspection.IsInspector(db.Jurisdiction.UserName)
            ? inspection
            : Error.Forbidden(ErrorText.Of("error.supervision.not-inspector-inspection", id));
    }

    /// <summary>The unit that owns a failed item when none is named: the inspected unit, or the unit running the inspected place.</summary>
    /// <summary>
    /// Who owns a failed item when none is chosen: the unit running the place or the inspected unit,
    /// else the units of the area and then of each level above it, the first with an official on
    /// record, within the caller's jurisdiction.
    /// </summary>
    internal static Task<Detectors.ResponsibleOwner.Owner?> OwnerAboveAsync(FangkongDbContext db, Inspection inspection, CancellationToken ct) =>
        Detectors.ResponsibleOwner.FindAsync(db, inspection.PlaceId, inspection.OrganisationId, inspection.RegionCode, ct);

    private static async Task<long?> DefaultUnitAsync(FangkongDbContext db, Inspection inspection, CancellationToken ct) =>
        inspection.OrganisationId
        ?? (inspection.PlaceId is { } place
            ? await db.Organisations.AsNoTracking().Where(o => o.PlaceId == place).OrderBy(o => o.Id).Select(o => (long?)o.Id).FirstOrDefaultAsync(ct)
            : null);
}
