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
            return Error.Invalid("checklistKey", $"检查清单「{command.ChecklistKey}」不存在 (Checklist '{command.ChecklistKey}' was not found).");
        }

        var inspectors = (command.Inspectors is { Count: > 0 } list ? list : [db.Jurisdiction.UserName])
            .Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (inspectors.Count is 0 or > MaxInspectors)
        {
            return Error.Invalid("inspectors", $"检查组应有 1–{MaxInspectors} 名检查人员 (An inspection has 1 to {MaxInspectors} inspectors).");
        }

        var allowed = await (
            from u in db.Users.AsNoTracking()
            join ur in db.UserRoles.AsNoTracking() on u.Id equals ur.UserId
            join r in db.Roles.AsNoTracking() on ur.RoleId equals r.Id
            where EF.Parameter(inspectors).Contains(u.UserName!) && (r.Name == Roles.Inspector || r.Name == Roles.CommandCentre)
            select u.UserName!).Distinct().ToListAsync(ct);
        if (inspectors.FirstOrDefault(i => !allowed.Contains(i)) is { } notInspector)
        {
            return Error.Invalid("inspectors", $"「{notInspector}」不是检查人员 ('{notInspector}' is not a user with the inspector role).");
        }

        if (command.Kind == InspectionKind.FollowUpReview)
        {
            if (command.ReviewOfInspectionId is not { } reviewed || !await db.Inspections.AnyAsync(i => i.Id == reviewed, ct))
            {
                return Error.Invalid("reviewOfInspectionId", "「回头看」须指明复查的原检查 (A follow-up review names the inspection it reviews).");
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
                    ? Error.NotFound($"场所 {command.PlaceId} 不存在或不在您的辖区内 (Place {command.PlaceId} was not found in your jurisdiction).")
                    : (place.RegionCode, place.Name);
            case InspectionTargetKind.Organisation:
                var unit = command.OrganisationId is { } unitId ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == unitId, ct) : null;
                return unit is null
                    ? Error.NotFound($"单位 {command.OrganisationId} 不存在或不在您的辖区内 (Unit {command.OrganisationId} was not found in your jurisdiction).")
                    : (unit.RegionCode, unit.Name);
            default:
                var code = Regions.RegionCode.Normalise(command.RegionCode);
                if (code is null)
                {
                    return Error.Invalid("regionCode", $"「{command.RegionCode}」不是区划代码 ('{command.RegionCode}' is not a region code).");
                }

                if (!db.Jurisdiction.Covers(code))
                {
                    return Error.Forbidden($"区划 {code} 不在您的辖区内 (Region {code} is outside your jurisdiction).");
                }

                var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, ct);
                return region is null
                    ? Error.NotFound($"区划 {code} 未登记 (Region {code} is not in the registry).")
                    : (region.Code, region.Name);
        }
    }
}
