using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Inspections;

/// <summary>
/// Plans an inspection of a region, a key place or a unit in the caller's jurisdiction, with the
/// current version of a checklist and one or more inspectors (users with the inspector or
/// command-centre role). A follow-up review (回头看) names the inspection it goes back to.
/// </summary>
public static class PlanInspection
{
    public const int MaxInspectors = 10;

    public sealed record Command(
        InspectionKind Kind, InspectionTargetKind TargetKind, string? RegionCode, long? PlaceId, long? OrganisationId, string ChecklistKey,
        IReadOnlyList<string>? Inspectors, DateOnly PlannedOn, long? ReviewOfInspectionId = null);

    public sealed record Planned(long Id, InspectionKind Kind, string TargetName, string RegionCode, long ChecklistTemplateId, IReadOnlyList<string> Inspectors);

    public static async Task<Result<Planned>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        var target = await TargetAsync(db, command, ct);
        if (!target.IsSuccess)
        {
            return target.Error!;
        }

        var (region, name) = target.Value;
        var template = await db.ChecklistTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == command.ChecklistKey && t.IsCurrent, ct);
        if (template is null)
        {
            return Error.Invalid("checklistKey", ErrorText.Of("error.supervision.checklist-not-found-2", command.ChecklistKey));
        }

        var inspectors = (command.Inspectors is { Count: > 0 } list ? list : [db.Jurisdiction.UserName])
            .Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (inspectors.Count is 0 or > MaxInspectors)
        {
            return Error.Invalid("inspectors", ErrorText.Of("error.supervision.inspection-inspectors", MaxInspectors));
        }

        var allowed = await (
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles.AsNoTracking() on u.Id equals ur.UserId
            join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
            where EF.Parameter(inspectors).Contains(u.UserName!) && (r.Name == Roles.Inspector || r.Name == Roles.CommandCentre)
            select u.UserName!).Distinct().ToListAsync(ct);
        if (inspectors.FirstOrDefault(i => !allowed.Contains(i)) is { } notInspector)
        {
            return Error.Invalid("inspectors", ErrorText.Of("error.supervision.not-user-inspector-role", notInspector));
        }

        if (command.Kind == InspectionKind.FollowUpReview)
        {
            if (command.ReviewOfInspectionId is not { } reviewed || !await db.Inspections.AnyAsync(i => i.Id == reviewed, ct))
            {
                return Error.Invalid("reviewOfInspectionId", ErrorText.Of("error.supervision.follow-up-review-names-inspection"));
            }
        }

        var inspection = new Inspection(
            command.Kind, command.TargetKind, region, command.PlaceId, command.OrganisationId, name, template.Id, string.Join(' ', inspectors),
            command.PlannedOn, db.Jurisdiction.UserName, time.GetUtcNow(), command.Kind == InspectionKind.FollowUpReview ? command.ReviewOfInspectionId : null);
        db.Inspections.Add(inspection);
        await db.SaveChangesAsync(ct);
        return new Planned(inspection.Id, inspection.Kind, name, region, template.Id, inspectors);
    }

    private static async Task<Result<(string Region, string Name)>> TargetAsync(FangkongDbContext db, Command command, CancellationToken ct)
    {
        switch (command.TargetKind)
        {
            case InspectionTargetKind.Place:
                var place = command.PlaceId is { } placeId ? await db.Places.AsNoTracking().FirstOrDefaultAsync(p => p.Id == placeId, ct) : null;
                return place is null
                    ? Error.NotFound(ErrorText.Of("error.supervision.place-not-found-jurisdiction", command.PlaceId))
                    : (place.RegionCode, place.Name);
            case InspectionTargetKind.Organisation:
                var unit = command.OrganisationId is { } unitId ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == unitId, ct) : null;
                return unit is null
                    ? Error.NotFound(ErrorText.Of("error.supervision.unit-not-found-jurisdiction", command.OrganisationId))
                    : (unit.RegionCode, unit.Name);
            default:
                var code = Regions.RegionCode.Normalise(command.RegionCode);
                if (code is null)
                {
                    return Error.Invalid("regionCode", ErrorText.Of("error.testing.not-region-code", command.RegionCode));
                }

                if (!db.Jurisdiction.Covers(code))
                {
                    return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction", code));
                }

                var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
                return region is null
                    ? Error.NotFound(ErrorText.Of("error.testing.region-not-registry", code))
                    : (region.Code, region.Name);
        }
    }
}
