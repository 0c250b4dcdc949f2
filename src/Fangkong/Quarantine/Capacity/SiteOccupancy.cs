using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Capacity;

/// <summary>Rooms or beds of one site by state, with the people placed there now.</summary>
public sealed record SiteOccupancy(
    long SiteId, string Name, SiteKind Kind, string RegionCode, bool IsOpen, int Total, int Available, int Occupied, int AwaitingDisinfection, int OutOfService, int People)
{
    public string CityCode => RegionCode.Length >= 4 ? RegionCode[..4] : RegionCode;

    public string CountyCode => RegionCode.Length >= 6 ? RegionCode[..6] : RegionCode;

    /// <summary>Occupied share of the spaces in service, 0–1.</summary>
    public double Occupancy => Total - OutOfService == 0 ? 0 : (double)Occupied / (Total - OutOfService);

    /// <summary>Every site in the caller's jurisdiction with its counts (two queries).</summary>
    public static async Task<IReadOnlyList<SiteOccupancy>> ReadAsync(FangkongDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Two round trips whatever the number of sites: the sites with their people, then rooms and beds by state.
        var sites = await db.QuarantineSites.AsNoTracking().OrderBy(s => s.RegionCode).ThenBy(s => s.Name)
            .Select(s => new { Site = s, People = db.Placements.Count(p => p.SiteId == s.Id && (p.State == PlacementState.Placed || p.State == PlacementState.CheckedIn)) })
            .ToListAsync(ct);
        var counts = (await db.QuarantineRooms.AsNoTracking().GroupBy(r => new { r.SiteId, r.State }).Select(g => new { g.Key.SiteId, g.Key.State, Count = g.Count() })
            .Concat(db.HospitalBeds.AsNoTracking().GroupBy(r => new { r.SiteId, r.State }).Select(g => new { g.Key.SiteId, g.Key.State, Count = g.Count() }))
            .ToListAsync(ct)).ToLookup(c => c.SiteId);
        return sites.Select(row =>
        {
            var s = row.Site;
            var byState = counts[s.Id].GroupBy(c => c.State).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
            int Of(SpaceState state) => byState.GetValueOrDefault(state);
            return new SiteOccupancy(
                s.Id, s.Name, s.Kind, s.RegionCode, s.IsOpen, byState.Values.Sum(), Of(SpaceState.Available), Of(SpaceState.Occupied),
                Of(SpaceState.AwaitingDisinfection), Of(SpaceState.OutOfService), row.People);
        }).ToList();
    }
}
