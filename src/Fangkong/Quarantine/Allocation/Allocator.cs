using Fangkong.Common;

namespace Fangkong.Quarantine.Allocation;

/// <summary>
/// The allocation itself, in memory, over data read beforehand (see <see cref="AllocationInput"/>):
/// <list type="bullet">
/// <item>contacts and pool members take rooms, one person per room, except a declared dependant
/// with its carer (same kind) in a multi-person or accessible room large enough;</item>
/// <item>close contacts, secondary contacts and pool members never share a floor;</item>
/// <item>cases take beds: asymptomatic and mild in a shelter hospital, moderate and worse in a designated hospital;</item>
/// <item>the nearest open site in the person's own city first (distance from home), then the nearest elsewhere;</item>
/// <item>first identified, first placed.</item>
/// </list>
/// Every placement goes through <see cref="Placement.Place"/> / <see cref="Placement.PlaceDependant"/>,
/// so the entity's own checks hold here too.
/// </summary>
public static class Allocator
{
    public const string NoRoom = "无可用隔离房间 no free room";
    public const string NoRoomForGroup = "无可容纳陪护的房间 no room for carer with dependants";
    public const string NoShelterBed = "无方舱床位 no shelter-hospital bed";
    public const string NoDesignatedBed = "无定点医院床位 no designated-hospital bed";

    public static AllocationOutcome Run(AllocationInput input, DateTimeOffset at, string by, long? runId)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stocks = BuildStocks(input);
        var cache = new CandidateCache();
        var placed = new List<NewPlacement>();
        var unplaced = new List<(WaitingPerson, string)>();

        var roomTakers = input.Waiting.Where(w => w.Subject.Kind.TakesRoom()).ToList();
        var byKey = roomTakers.ToDictionary(w => (w.Subject.Kind, w.Subject.Key));
        var declared = input.Declarations.ToDictionary(d => (d.Kind, d.DependantKey));
        var carersPlaced = input.PlacedCarers.ToDictionary(c => (c.Placement.Kind, c.Placement.Kind == OccupantKind.PositivePoolMember ? c.Placement.PersonId ?? 0 : c.Placement.ContactId ?? 0));

        // Groups: a carer who waits takes its waiting dependants along (one level: a dependant is never a carer).
        var dependantsOf = new Dictionary<(OccupantKind, long), List<(WaitingPerson Person, DependantReason Reason)>>();
        var alone = new List<WaitingPerson>();
        foreach (var person in roomTakers)
        {
            var key = (person.Subject.Kind, person.Subject.Key);
            if (declared.TryGetValue(key, out var declaration))
            {
                var carerKey = (person.Subject.Kind, declaration.CarerKey);
                if (byKey.ContainsKey(carerKey) && !declared.ContainsKey(carerKey))
                {
                    if (!dependantsOf.TryGetValue(carerKey, out var list))
                    {
                        dependantsOf[carerKey] = list = [];
                    }

                    list.Add((person, declaration.Reason));
                    continue;
                }

                if (carersPlaced.TryGetValue(carerKey, out var carer) && JoinPlacedCarer(person, declaration.Reason, carer, stocks, at, by, runId) is { } joined)
                {
                    placed.Add(joined);
                    continue;
                }
            }

            alone.Add(person);
        }

        foreach (var person in alone.OrderBy(p => p.Subject.IdentifiedAt).ThenBy(p => p.Subject.Key))
        {
            var group = dependantsOf.GetValueOrDefault((person.Subject.Kind, person.Subject.Key)) ?? [];
            var reason = PlaceRoomGroup(person, group, stocks, cache, at, by, runId, placed);
            if (reason is not null)
            {
                unplaced.Add((person, reason));
                unplaced.AddRange(group.Select(g => (g.Person, reason)));
            }
        }

        foreach (var person in input.Waiting.Where(w => w.Subject.Kind == OccupantKind.Case).OrderBy(p => p.Subject.IdentifiedAt).ThenBy(p => p.Subject.Key))
        {
            var kind = PlacementSubject.HospitalFor(person.Subject.Severity);
            var done = false;
            foreach (var (stock, distance) in Candidates(person, stocks, kind, cache))
            {
                if (stock.Take(OccupantKind.Case, 1) is { } bed)
                {
                    var placement = Placement.Place(person.Subject, stock.Site, bed, at, by, runId, null, distance);
                    placed.Add(new NewPlacement(Expect(placement), bed, null));
                    done = true;
                    break;
                }
            }

            if (!done)
            {
                unplaced.Add((person, kind == SiteKind.ShelterHospital ? NoShelterBed : NoDesignatedBed));
            }
        }

        return new AllocationOutcome(placed, unplaced);
    }

    private static string? PlaceRoomGroup(
        WaitingPerson carer, List<(WaitingPerson Person, DependantReason Reason)> dependants, List<SiteStock> stocks, CandidateCache cache, DateTimeOffset at, string by, long? runId, List<NewPlacement> placed)
    {
        var size = 1 + dependants.Count;
        foreach (var (stock, distance) in Candidates(carer, stocks, null, cache))
        {
            if (stock.Take(carer.Subject.Kind, size) is not QuarantineRoom room)
            {
                continue;
            }

            var carerPlacement = Expect(Placement.Place(carer.Subject, stock.Site, room, at, by, runId, null, distance));
            placed.Add(new NewPlacement(carerPlacement, room, null));
            foreach (var (person, reason) in dependants)
            {
                var dependant = Expect(Placement.PlaceDependant(person.Subject, carerPlacement, stock.Site, room, reason, at, by, runId));
                placed.Add(new NewPlacement(dependant, room, carerPlacement));
            }

            return null;
        }

        return size > 1 ? NoRoomForGroup : NoRoom;
    }

    /// <summary>A dependant whose carer was placed earlier joins the carer's room if it has space.</summary>
    private static NewPlacement? JoinPlacedCarer(
        WaitingPerson person, DependantReason reason, (Placement Placement, QuarantineRoom Room) carer, List<SiteStock> stocks, DateTimeOffset at, string by, long? runId)
    {
        var site = stocks.Find(s => s.Site.Id == carer.Room.SiteId)?.Site;
        if (site is null)
        {
            return null;
        }

        var result = Placement.PlaceDependant(person.Subject, carer.Placement, site, carer.Room, reason, at, by, runId);
        return result.IsSuccess ? new NewPlacement(result.Value!, carer.Room, carer.Placement) : null;
    }

    /// <summary>
    /// Open sites of the right kind: the person's own city first, nearest first; without a home
    /// position, the own county first. People of one compound share the order, so it is sorted once.
    /// </summary>
    private static List<(SiteStock Stock, double? Distance)> Candidates(WaitingPerson person, List<SiteStock> stocks, SiteKind? hospital, CandidateCache cache)
    {
        var county = person.Subject.RegionCode.Length >= 6 ? person.Subject.RegionCode[..6] : person.Subject.RegionCode;
        var key = (person.Home, person.CityCode, person.Home is null ? county : string.Empty, hospital);
        if (!cache.TryGetValue(key, out var list))
        {
            list = [.. SortCandidates(person, stocks, hospital)];
            cache[key] = list;
        }

        return list;
    }

    private static IEnumerable<(SiteStock Stock, double? Distance)> SortCandidates(WaitingPerson person, List<SiteStock> stocks, SiteKind? hospital)
    {
        var city = person.CityCode;
        var county = person.Subject.RegionCode.Length >= 6 ? person.Subject.RegionCode[..6] : person.Subject.RegionCode;
        return stocks
            .Where(s => hospital is { } kind ? s.Site.Kind == kind : s.Site.Kind.HasRooms())
            .Select(s => (Stock: s, Distance: person.Home is { } home ? home.DistanceKm(s.Point) : (double?)null))
            .OrderBy(c => c.Stock.Site.CityCode == city ? 0 : 1)
            .ThenBy(c => c.Distance is null && c.Stock.Site.RegionCode.StartsWith(county, StringComparison.Ordinal) ? 0 : 1)
            .ThenBy(c => c.Distance ?? double.MaxValue)
            .ThenBy(c => c.Stock.Site.Id)
            .Select(c => (c.Stock, c.Distance is { } d ? Math.Round(d, 3) : (double?)null));
    }

    private static List<SiteStock> BuildStocks(AllocationInput input)
    {
        var sites = input.Sites.Where(s => s.IsOpen).ToDictionary(s => s.Id, s => new SiteStock(s));
        foreach (var space in input.FreeSpaces.Where(s => s.State == SpaceState.Available && s.Occupants == 0))
        {
            if (!sites.TryGetValue(space.SiteId, out var stock))
            {
                continue;
            }

            var kinds = input.FloorKinds.GetValueOrDefault(space.SectionId) ?? [];
            var floorKind = stock.Site.Kind.HasRooms() ? kinds.Count == 1 ? kinds.First() : (OccupantKind?)null : null;
            stock.Add(stock.Floor(space.SectionId, floorKind, stock.Site.Kind.HasRooms() && kinds.Count > 1), space);
        }

        foreach (var stock in sites.Values)
        {
            stock.Sort();
        }

        return [.. sites.Values];
    }

    private static Placement Expect(Result<Placement> result) =>
        result.IsSuccess
            ? result.Value!
            : throw new InvalidOperationException($"The allocation broke a placement rule: {result.Error!.Message}");

    /// <summary>Site orders by (home, city, county when no home, hospital kind).</summary>
    private sealed class CandidateCache : Dictionary<(GeoPoint?, string, string, SiteKind?), List<(SiteStock Stock, double? Distance)>>;
}
