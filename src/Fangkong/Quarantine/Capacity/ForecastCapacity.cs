using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine.Allocation;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Capacity;

/// <summary>
/// The capacity board of the caller's jurisdiction: rooms and beds by state per site and city, the
/// demand forecast of each city for the next three days with the 人等房间 / 人等床位 warnings,
/// and the planning norm per county (rooms per 10,000 residents, population from the register).
/// </summary>
public static class ForecastCapacity
{
    /// <summary>DOMAIN.md §5: at least 20 rooms per 10,000 people. A default; callers may pass the figure in force.</summary>
    public const int DefaultRoomsPer10000 = 20;

    public sealed record CityView(
        string CityCode, string? CityName, int Rooms, int FreeRooms, int OccupiedRooms, int AwaitingDisinfection, int OutOfService,
        int ShelterBeds, int FreeShelterBeds, int DesignatedBeds, int FreeDesignatedBeds, int WaitingForRooms, int WaitingForBeds, DemandForecast.Result Forecast);

    public sealed record CountyNorm(string CountyCode, string? CountyName, long Population, int Rooms, int Required, bool BelowNorm);

    public sealed record View(DateOnly Today, IReadOnlyList<SiteOccupancy> Sites, IReadOnlyList<CityView> Cities, IReadOnlyList<CountyNorm> Counties, int RoomsPer10000);

    public static async Task<View> HandleAsync(FangkongDbContext db, TimeProvider time, int roomsPer10000 = DefaultRoomsPer10000, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var today = ChinaTime.Today(time);
        var sites = await SiteOccupancy.ReadAsync(db, ct);
        var waiting = await WaitingList.ReadAsync(db, today, ct);
        var from = today.AddDays(-6);
        var cases = await db.Cases.AsNoTracking().NewLocalInfections().Where(c => c.ReportedOn >= from && c.ReportedOn <= today)
            .Select(c => new { c.RegionCode, c.ReportedOn, c.Severity }).ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.IdentifiedOn >= from && c.IdentifiedOn <= today)
            .GroupBy(c => new { City = c.RegionCode.Substring(0, 4), c.Kind, c.QuarantinePlace })
            .Select(g => new { g.Key.City, g.Key.Kind, g.Key.QuarantinePlace, Count = g.Count() }).ToListAsync(ct);
        var releases = await RoomReleasesAsync(db, today, ct);
        var names = await db.Regions.AsNoTracking().Where(r => r.Code.Length == 4 || r.Code.Length == 6).ToDictionaryAsync(r => r.Code, r => r.Name, ct);

        var cities = sites.Select(s => s.CityCode)
            .Concat(waiting.Select(w => w.CityCode))
            .Concat(cases.Select(c => c.RegionCode[..Math.Min(4, c.RegionCode.Length)]))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var views = new List<CityView>();
        foreach (var city in cities)
        {
            var citySites = sites.Where(s => s.CityCode == city).ToList();
            var rooms = citySites.Where(s => s.Kind.HasRooms()).ToList();
            var shelter = citySites.Where(s => s.Kind == SiteKind.ShelterHospital && s.IsOpen).ToList();
            var designated = citySites.Where(s => s.Kind == SiteKind.DesignatedHospital && s.IsOpen).ToList();
            var cityWaiting = waiting.Where(w => w.CityCode == city).ToList();
            var cityCases = cases.Where(c => c.RegionCode.StartsWith(city, StringComparison.Ordinal)).ToList();
            var cityContacts = contacts.Where(c => c.City == city).ToList();
            var trend = new DemandForecast.Trend(
                Enumerable.Range(1, 6).Select(i => cityCases.Count(c => c.ReportedOn == today.AddDays(i - 6))).ToList(),
                cityCases.Count,
                cityContacts.Sum(c => c.Count),
                cityContacts.Where(c => c.Kind == ContactKind.Close || c.QuarantinePlace == QuarantinePlace.Central).Sum(c => c.Count),
                cityCases.Count(c => c.Severity is null or Severity.Mild));
            var supply = new DemandForecast.Supply(
                rooms.Where(s => s.IsOpen).Sum(s => s.Available),
                rooms.Where(s => s.IsOpen).Sum(s => s.AwaitingDisinfection),
                Enumerable.Range(0, DemandForecast.Days).Select(d => releases.GetValueOrDefault((city, today.AddDays(d)))).ToList(),
                cityWaiting.Count(w => w.Subject.Kind.TakesRoom()),
                shelter.Sum(s => s.Available),
                designated.Sum(s => s.Available),
                cityWaiting.Count(w => w.Subject.Kind == OccupantKind.Case && PlacementSubject.HospitalFor(w.Subject.Severity) == SiteKind.ShelterHospital),
                cityWaiting.Count(w => w.Subject.Kind == OccupantKind.Case && PlacementSubject.HospitalFor(w.Subject.Severity) == SiteKind.DesignatedHospital));
            views.Add(new CityView(
                city, names.GetValueOrDefault(city), rooms.Sum(s => s.Total), rooms.Sum(s => s.Available), rooms.Sum(s => s.Occupied), rooms.Sum(s => s.AwaitingDisinfection),
                rooms.Sum(s => s.OutOfService), shelter.Sum(s => s.Total), supply.FreeShelterBeds, designated.Sum(s => s.Total), supply.FreeDesignatedBeds,
                supply.WaitingForRooms, supply.WaitingForShelterBeds + supply.WaitingForDesignatedBeds, DemandForecast.Compute(trend, supply)));
        }

        return new View(today, sites, views, await NormsAsync(db, sites, names, roomsPer10000, ct), roomsPer10000);
    }

    /// <summary>Rooms per county against the norm: required = ⌈population × norm ÷ 10,000⌉; rooms out of service do not count.</summary>
    public static async Task<IReadOnlyList<CountyNorm>> NormsAsync(
        FangkongDbContext db, IReadOnlyList<SiteOccupancy> sites, IReadOnlyDictionary<string, string> names, int roomsPer10000, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        // From the maintained counts per code, not a count of every resident on each view of the page.
        var population = (await Populations.BySubdivisionAsync(db, string.Empty, 6, ct))
            .Where(p => p.Key.Length == 6).Select(p => new { County = p.Key, Count = p.Value }).ToList();
        var rooms = sites.Where(s => s.Kind.HasRooms()).GroupBy(s => s.CountyCode).ToDictionary(g => g.Key, g => g.Sum(s => s.Total - s.OutOfService));
        return population.Select(p => p.County).Union(rooms.Keys).Order(StringComparer.Ordinal).Select(county =>
        {
            var people = population.FirstOrDefault(p => p.County == county)?.Count ?? 0;
            var required = (int)Math.Ceiling(people * roomsPer10000 / 10_000.0);
            var have = rooms.GetValueOrDefault(county);
            return new CountyNorm(county, names.GetValueOrDefault(county), people, have, required, have < required);
        }).ToList();
    }

    /// <summary>Rooms whose occupant's central period ends on a day, by city and day (contacts only; pool members and dependants follow their own orders).</summary>
    private static async Task<Dictionary<(string City, DateOnly Day), int>> RoomReleasesAsync(FangkongDbContext db, DateOnly today, CancellationToken ct)
    {
        var rows = await (
            from p in db.Placements.AsNoTracking()
            where p.RoomId != null && p.DependantOfPlacementId == null && (p.State == PlacementState.Placed || p.State == PlacementState.CheckedIn)
            join c in db.Contacts on p.ContactId equals (long?)c.Id
            join s in db.QuarantineSites on p.SiteId equals s.Id
            select new { s.RegionCode, c.ExposureOn, c.IdentifiedOn, c.CentralDays }).ToListAsync(ct);
        return rows
            .Select(r => (City: r.RegionCode[..4], Day: QuarantineCalendar.Of(r.ExposureOn, r.IdentifiedOn, r.CentralDays, 0).CentralOverOn))
            .Where(r => r.Day >= today && r.Day < today.AddDays(DemandForecast.Days))
            .GroupBy(r => r)
            .ToDictionary(g => g.Key, g => g.Count());
    }
}
