using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Findings;

/// <summary>
/// Raises a finding by hand: from a resident's complaint (with its ticket number), or from an
/// inspection outside the checklist. The responsible unit and official must exist in the
/// caller's jurisdiction and belong together; the finding takes the unit's region.
/// </summary>
public static class RaiseFinding
{
    public sealed record Command(
        FindingSource Source, string? Title, string? Description, FindingCategory Category, FindingSeverity Severity,
        long? OrganisationId, long? OfficialId, DateTimeOffset? Deadline, string? ComplaintRef = null, long? InspectionId = null);

    public static async Task<Result<FindingView.Summary>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        if (command.Source == FindingSource.Detector)
        {
            return Error.Invalid("source", ErrorText.Of("error.supervision.detector-findings-raised-detectors-only"));
        }

        var owner = await OwnerAsync(db, command.OrganisationId, command.OfficialId, ct);
        if (!owner.IsSuccess)
        {
            return owner.Error!;
        }

        if (command.InspectionId is { } inspectionId && !await db.Inspections.AnyAsync(i => i.Id == inspectionId, ct))
        {
            return Error.NotFound(ErrorText.Of("error.supervision.inspection-not-found-jurisdiction", inspectionId));
        }

        var now = time.GetUtcNow();
        var (unit, official) = owner.Value;
        var raised = Finding.Raise(new Finding.Draft(
            command.Source, unit.RegionCode, command.Title ?? string.Empty, command.Description, command.Category, command.Severity,
            unit.Id, unit.Name, official.Id, $"{official.Name}（{official.Post}）".Truncate(Finding.NameMaxLength), command.Deadline,
            db.Jurisdiction.UserName, now, command.InspectionId, ComplaintRef: command.ComplaintRef));
        if (!raised.IsSuccess)
        {
            return raised.Error!;
        }

        var finding = raised.Value!;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Findings.Add(finding);
        await db.SaveChangesAsync(ct);
        await FindingAccess.SaveAsync(db, finding, FindingAction.Raised, now, command.ComplaintRef, ct);
        await transaction.CommitAsync(ct);
        return FindingView.SummaryOf(finding, now);
    }

    /// <summary>The unit and official answerable for a finding, both in the caller's jurisdiction, the official of that unit.</summary>
    public static async Task<Result<(Organisations.Organisation Unit, Organisations.Official Official)>> OwnerAsync(
        FangkongDbContext db, long? organisationId, long? officialId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (organisationId is not { } unitId)
        {
            return Error.Invalid("responsibleOrganisationId", ErrorText.Of("error.supervision.finding-needs-responsible-unit"));
        }

        if (officialId is not { } personId)
        {
            return Error.Invalid("responsibleOfficialId", ErrorText.Of("error.supervision.finding-needs-responsible-official"));
        }

        var unit = await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == unitId, ct);
        if (unit is null)
        {
            return Error.NotFound(ErrorText.Of("error.supervision.unit-not-found-jurisdiction", unitId));
        }

        var official = await db.Officials.AsNoTracking().FirstOrDefaultAsync(o => o.Id == personId, ct);
        if (official is null || official.OrganisationId != unit.Id)
        {
            return Error.Invalid("responsibleOfficialId", ErrorText.Of("error.supervision.official-does-not-work-unit", personId, unit.Name));
        }

        return (unit, official);
    }
}
