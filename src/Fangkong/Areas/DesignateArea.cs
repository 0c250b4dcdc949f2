using Fangkong.Common;
using Fangkong.Data;

namespace Fangkong.Areas;

/// <summary>
/// An authorised user designates an area directly (e.g. the county's precaution area when an
/// outbreak starts, or a decision the data cannot see). The level must belong to the scheme of
/// the plan in force (both schemes where it allows both); a designation of the same scheme in force
/// on the unit ends the same day, kept as history.
/// </summary>
public static class DesignateArea
{
    public sealed record Command(AreaUnitKind Kind, string? RegionCode, long? UnitId, AreaLevel Level, DateOnly StartsOn, string Reason, string ApprovingBody);

    public static async Task<Result<AreaDesignation>> HandleAsync(FangkongDbContext db, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        var unit = await AreaUnits.FindAsync(db, command.Kind, command.RegionCode, command.UnitId, ct);
        if (!unit.IsSuccess)
        {
            return unit.Error!;
        }

        var schemes = await AreaUnits.SchemesAsync(db, unit.Value!.RegionCode, command.StartsOn, ct);
        if (!schemes.IsSuccess)
        {
            return schemes.Error!;
        }

        var created = AreaDesignation.Create(unit.Value, command.Level, schemes.Value!, command.StartsOn, command.Reason, command.ApprovingBody, db.Jurisdiction.UserName, null);
        if (!created.IsSuccess)
        {
            return created.Error!;
        }

        // Only the designation of the same scheme is replaced: a 三区 level and a risk level stand side by side (rule 6).
        var current = await AreaUnits.ActiveAsync(db, unit.Value, command.Level.SchemeOf(), ct);
        if (current is not null)
        {
            if (current.Level == command.Level)
            {
                return Error.Conflict(ErrorText.Of("error.areas.already-since", unit.Value.Name, current.Level.Zh(), current.StartsOn, current.Level.En()));
            }

            if (current.End(command.StartsOn, $"改划为{command.Level.Zh()} (changed to {command.Level.En()}): {command.Reason.Trim()}", db.Jurisdiction.UserName) is { } refused)
            {
                return refused;
            }
        }

        db.AreaDesignations.Add(created.Value!);
        await db.SaveChangesAsync(ct);
        return created.Value!;
    }
}
