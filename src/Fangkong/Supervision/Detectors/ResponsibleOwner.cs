using Fangkong.Data;
using Fangkong.Organisations;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Detectors;

/// <summary>
/// Finds who owns a problem a detector saw: the unit that runs the place, else the named unit,
/// else the nearest unit of the region — a community committee first, then the government, then
/// the party committee — walking up to the province; and that unit's first official. A unit with
/// no official on record cannot own a finding, so the search goes on above it (属地责任).
/// </summary>
public static class ResponsibleOwner
{
    public sealed record Owner(long OrganisationId, string Unit, string RegionCode, long OfficialId, string Person);

    public static async Task<Owner?> FindAsync(FangkongDbContext system, long? placeId, long? organisationId, string regionCode, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        if (placeId is { } place
            && await system.Organisations.AsNoTracking().Where(o => o.PlaceId == place).OrderBy(o => o.Id).FirstOrDefaultAsync(ct) is { } runner
            && await WithOfficialAsync(system, runner, ct) is { } byPlace)
        {
            return byPlace;
        }

        if (organisationId is { } id
            && await system.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) is { } named
            && await WithOfficialAsync(system, named, ct) is { } byUnit)
        {
            return byUnit;
        }

        for (var region = regionCode; region.Length >= 2; region = Regions.RegionCode.ParentOf(region))
        {
            var units = await system.Organisations.AsNoTracking().Where(o => o.RegionCode == region).ToListAsync(ct);
            foreach (var unit in units.OrderBy(u => Rank(u.Kind)).ThenBy(u => u.Id))
            {
                if (await WithOfficialAsync(system, unit, ct) is { } owner)
                {
                    return owner;
                }
            }
        }

        return null;
    }

    private static int Rank(OrganisationKind kind) => kind switch
    {
        OrganisationKind.CommunityCommittee => 0,
        OrganisationKind.GovernmentDepartment => 1,
        OrganisationKind.PartyCommittee => 2,
        _ => 3,
    };

    private static async Task<Owner?> WithOfficialAsync(FangkongDbContext system, Organisation unit, CancellationToken ct)
    {
        var official = await system.Officials.AsNoTracking().Where(o => o.OrganisationId == unit.Id).OrderBy(o => o.Id).FirstOrDefaultAsync(ct);
        return official is null ? null : new Owner(unit.Id, unit.Name, unit.RegionCode, official.Id, $"{official.Name}（{official.Post}）");
    }
}
