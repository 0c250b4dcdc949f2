using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing.Doors;

/// <summary>
/// A checked request for the door-to-door list: the caller may see residents' doors, the round is
/// theirs, the community lies in both the round and the caller's area, and the compound or
/// building asked for is one of that community's. Shared by the page, the print view and the exports.
/// </summary>
public sealed record DoorScope(long RoundId, string RoundName, string Community, string CommunityName, long? CompoundId, long? BuildingId)
{
    /// <summary>The door-key range of the compound or building asked for; null for the whole community.</summary>
    public (string From, string To)? KeyRange => CompoundId is { } compound ? DoorKeys.Range(compound, BuildingId) : null;

    public static async Task<Result<DoorScope>> CheckAsync(FangkongDbContext db, DoorFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(filter);
        if (!db.Jurisdiction.SeesResidentDetails)
        {
            // The list is names and doors; the counts on the round's page are what these roles need.
            return Error.Forbidden(ErrorText.Of("error.testing.not-sampled-list-carries-names"));
        }

        var found = await RoundAccess.FindAsync(db, filter.RoundId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var community = Regions.RegionCode.Normalise(filter.Community);
        if (community is null || community.Length != 12)
        {
            return Error.Invalid("community", ErrorText.Of("error.testing.not-community-code-digits", filter.Community));
        }

        if (!db.Jurisdiction.Covers(community) || !community.StartsWith(found.Value!.RegionCode, StringComparison.Ordinal))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.community-outside-jurisdiction-round", community));
        }

        var name = await db.Regions.AsNoTracking().Where(r => r.Code == community).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return Error.NotFound(ErrorText.Of("error.testing.region-not-registry", community));
        }

        var compound = filter.CompoundId;
        if (filter.BuildingId is { } buildingId)
        {
            var building = await db.Buildings.AsNoTracking().Where(b => b.Id == buildingId && b.RegionCode == community)
                .Select(b => (long?)b.CompoundId).FirstOrDefaultAsync(ct);
            if (building is null || (compound is not null && compound != building))
            {
                return Error.Invalid("building", ErrorText.Of("error.testing.doors-building-not-in-community", buildingId, name));
            }

            compound = building;
        }
        else if (compound is { } compoundId && !await db.Compounds.AnyAsync(c => c.Id == compoundId && c.RegionCode == community, ct))
        {
            return Error.Invalid("compound", ErrorText.Of("error.testing.doors-compound-not-in-community", compoundId, name));
        }

        return new DoorScope(found.Value.Id, found.Value.Name, community, name, compound, filter.BuildingId);
    }
}
