using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.ClosedLoop;

/// <summary>Sets up a closed loop for an enterprise (单位) and/or a site (场所) in the caller's jurisdiction.</summary>
public static class CreateGroup
{
    public sealed record Command(string? Name, long? OrganisationId, long? PlaceId);

    public sealed record Created(long Id, string Name, string RegionCode);

    public static async Task<Result<Created>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        if (command.OrganisationId is null && command.PlaceId is null)
        {
            return Error.Invalid("organisationId", ErrorText.Of("error.closed-loop.closed-loop-needs-enterprise-site"));
        }

        // The filtered sets answer null for a unit outside the jurisdiction: its existence does not leak.
        var unit = command.OrganisationId is { } orgId ? await db.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == orgId, ct) : null;
        if (command.OrganisationId is not null && unit is null)
        {
            return Error.Invalid("organisationId", ErrorText.Of("error.closed-loop.enterprise-not-registered-jurisdiction"));
        }

        var place = command.PlaceId is { } placeId ? await db.Places.AsNoTracking().FirstOrDefaultAsync(p => p.Id == placeId, ct) : null;
        if (command.PlaceId is not null && place is null)
        {
            return Error.Invalid("placeId", ErrorText.Of("error.closed-loop.site-not-registered-jurisdiction"));
        }

        var name = string.IsNullOrWhiteSpace(command.Name) ? (unit?.Name ?? place!.Name) : command.Name.Trim();
        if (name.Length > ClosedLoopGroup.NameMaxLength)
        {
            return Error.Invalid("name", ErrorText.Of("error.closed-loop.name-over-characters", ClosedLoopGroup.NameMaxLength));
        }

        var region = place?.RegionCode ?? unit!.RegionCode;
        var group = new ClosedLoopGroup(name, region, unit?.Id, place?.Id, db.Jurisdiction.UserName, time.GetUtcNow());
        db.ClosedLoopGroups.Add(group);
        await db.SaveChangesAsync(ct);
        return new Created(group.Id, group.Name, group.RegionCode);
    }
}
