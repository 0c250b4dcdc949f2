using Fangkong.Cases;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Allocation;

/// <summary>
/// Checks the placements as written, independently of the allocation code (its own reads, its
/// own statement of each rule), for the benchmark and the tests: rooms for contacts and pool
/// members, beds for cases by severity; one person per room except dependants with their carer
/// (same kind, same room, within capacity); one kind of occupant per floor; one active placement
/// per person; room and bed states agree with their occupants; nobody sent to another city while
/// a suitable space is free in their own.
/// </summary>
public static class PlacementChecker
{
    public static async Task<IReadOnlyList<string>> CheckAsync(FangkongDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var active = await db.Placements.AsNoTracking()
            .Where(p => p.State == PlacementState.Placed || p.State == PlacementState.CheckedIn).ToListAsync(ct);
        var sites = await db.QuarantineSites.AsNoTracking().ToDictionaryAsync(s => s.Id, ct);
        var rooms = await db.QuarantineRooms.AsNoTracking().ToDictionaryAsync(r => r.Id, ct);
        var beds = await db.HospitalBeds.AsNoTracking().ToDictionaryAsync(b => b.Id, ct);
        var violations = new List<string>();
        var byId = active.ToDictionary(p => p.Id);

        foreach (var p in active)
        {
            if ((p.RoomId is null) == (p.BedId is null))
            {
                violations.Add($"placement {p.Id}: needs exactly one of room and bed");
                continue;
            }

            var site = sites[p.SiteId];
            if (p.Kind == OccupantKind.Case)
            {
                var wanted = p.Severity is null or Severity.Mild ? SiteKind.ShelterHospital : SiteKind.DesignatedHospital;
                if (p.BedId is null || site.Kind != wanted || !beds.TryGetValue(p.BedId.Value, out var bed) || bed.SiteId != site.Id)
                {
                    violations.Add($"placement {p.Id}: case ({p.Severity?.ToString() ?? "asymptomatic"}) not in a bed of a {wanted}");
                }
            }
            else if (p.RoomId is null || site.Kind is not (SiteKind.Hotel or SiteKind.Other) || !rooms.TryGetValue(p.RoomId.Value, out var room) || room.SiteId != site.Id || room.SectionId != p.SectionId)
            {
                violations.Add($"placement {p.Id}: {p.Kind} not in a room of a quarantine site");
            }

            if (p.DependantOfPlacementId is { } carerId
                && (!byId.TryGetValue(carerId, out var carer) || carer.RoomId != p.RoomId || carer.Kind != p.Kind || carer.DependantOfPlacementId is not null))
            {
                violations.Add($"placement {p.Id}: dependant not with an active carer of the same kind in the same room");
            }
        }

        foreach (var group in active.Where(p => p.RoomId != null).GroupBy(p => p.RoomId!.Value))
        {
            var people = group.ToList();
            var leads = people.Where(p => p.DependantOfPlacementId is null).ToList();
            if (leads.Count > 1)
            {
                violations.Add($"room {group.Key}: {leads.Count} people who are not dependants of each other");
            }

            if (rooms.TryGetValue(group.Key, out var room) && people.Count > room.Capacity)
            {
                violations.Add($"room {group.Key}: {people.Count} people, capacity {room.Capacity}");
            }
        }

        foreach (var group in active.Where(p => p.BedId != null).GroupBy(p => p.BedId!.Value).Where(g => g.Count() > 1))
        {
            violations.Add($"bed {group.Key}: {group.Count()} people");
        }

        foreach (var group in active.Where(p => p.RoomId != null).GroupBy(p => p.SectionId).Where(g => g.Select(p => p.Kind).Distinct().Count() > 1))
        {
            violations.Add($"floor {group.Key}: mixes {string.Join(", ", group.Select(p => p.Kind).Distinct())}");
        }

        foreach (var group in active.GroupBy(p => (p.Kind, p.ContactId, p.CaseId, PersonId: p.ContactId is null && p.CaseId is null ? p.PersonId : null)).Where(g => g.Count() > 1))
        {
            violations.Add($"{group.Key.Kind} {group.Key.ContactId ?? group.Key.CaseId ?? group.Key.PersonId}: {group.Count()} active placements");
        }

        CheckStates(violations, rooms.Values, active.Where(p => p.RoomId != null).GroupBy(p => p.RoomId!.Value).ToDictionary(g => g.Key, g => g.Count()), "room");
        CheckStates(violations, beds.Values, active.Where(p => p.BedId != null).GroupBy(p => p.BedId!.Value).ToDictionary(g => g.Key, g => g.Count()), "bed");
        CheckOwnCityFirst(violations, active, sites, rooms, beds);
        return violations;
    }

    private static void CheckStates<T>(List<string> violations, IEnumerable<T> spaces, Dictionary<long, int> counts, string what)
        where T : Space
    {
        foreach (var space in spaces)
        {
            var count = counts.GetValueOrDefault(space.Id);
            if (space.Occupants != count || (count > 0) != (space.State == SpaceState.Occupied))
            {
                violations.Add($"{what} {space.Id}: {space.State} with {space.Occupants} recorded, {count} placed");
            }
        }
    }

    /// <summary>Someone placed outside their own city is a violation if a space that suited them is still free in their city.</summary>
    private static void CheckOwnCityFirst(
        List<string> violations, List<Placement> active, Dictionary<long, QuarantineSite> sites, Dictionary<long, QuarantineRoom> rooms, Dictionary<long, HospitalBed> beds)
    {
        static string City(string region) => region.Length >= 4 ? region[..4] : region;
        var kindsBySection = active.Where(p => p.RoomId != null).GroupBy(p => p.SectionId).ToDictionary(g => g.Key, g => g.Select(p => p.Kind).ToHashSet());
        var freeRooms = rooms.Values.Where(r => r.State == SpaceState.Available && sites[r.SiteId].IsOpen).ToList();
        var freeBeds = beds.Values.Where(b => b.State == SpaceState.Available && sites[b.SiteId].IsOpen).ToList();
        var groupSize = active.Where(p => p.DependantOfPlacementId != null).GroupBy(p => p.DependantOfPlacementId!.Value).ToDictionary(g => g.Key, g => g.Count() + 1);
        foreach (var p in active.Where(p => City(sites[p.SiteId].RegionCode) != City(p.RegionCode) && p.PreviousPlacementId is null))
        {
            var size = groupSize.GetValueOrDefault(p.Id, 1);
            var city = City(p.RegionCode);
            var free = p.Kind == OccupantKind.Case
                ? freeBeds.Any(b => City(sites[b.SiteId].RegionCode) == city
                    && sites[b.SiteId].Kind == (p.Severity is null or Severity.Mild ? SiteKind.ShelterHospital : SiteKind.DesignatedHospital))
                : p.DependantOfPlacementId is null && freeRooms.Any(r => City(sites[r.SiteId].RegionCode) == city && r.Capacity >= size
                    && (size == 1 || r.Kind != RoomKind.Single)
                    && (!kindsBySection.TryGetValue(r.SectionId, out var kinds) || (kinds.Count == 1 && kinds.Contains(p.Kind))));
            if (free)
            {
                violations.Add($"placement {p.Id}: placed outside city {city} while a suitable space there is free");
            }
        }
    }
}
