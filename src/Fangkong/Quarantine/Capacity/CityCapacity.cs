using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.Quarantine.Allocation;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Capacity;

/// <summary>
/// The capacity block of a city (rooms and beds by state, the people waiting, the three-day demand
/// forecast and its 人等房间 / 人等床位 warnings), computed once for everyone who sees it. A city's
/// sites take people from all its counties, so a county worker's "吉林市" block counted only the
/// county's own sites and waiting people and warned of a shortage the command centre's block did not
/// show (issue 16, item 13). The block of a caller below city level is read over the whole city, in
/// counts only (ADR 0046); the sites table and the county norms stay the caller's.
/// </summary>
public static class CityCapacity
{
    /// <summary>The city blocks the caller sees: every city of a province or system caller, the one city of anyone below.</summary>
    public static async Task<IReadOnlyList<ForecastCapacity.CityView>> ReadAsync(FangkongDbContext db, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var prefix = db.Jurisdiction.RegionPrefix;
        if (prefix.Length <= 4)
        {
            return await ComputeAsync(db, today, ct);
        }

        await using var city = db.CreateCitySibling(prefix[..4]);
        return await ComputeAsync(city, today, ct);
    }

    /// <summary>Names of cities and counties by code.</summary>
    public static Task<Dictionary<string, string>> NamesAsync(FangkongDbContext db, CancellationToken ct) =>
        db.Regions.AsNoTracking().Where(r => r.Code.Length == 4 || r.Code.Length == 6).ToDictionaryAsync(r => r.Code, r => r.Name, ct);

    private static async Task<IReadOnlyList<ForecastCapacity.CityView>> ComputeAsync(FangkongDbContext db, DateOnly today, CancellationToken ct)
    {
        var sites = await SiteOccupancy.ReadAsync(db, ct);
        var waiting = await WaitingList.ReadAsync(db, today, ct);
        var from = today.AddDays(-6);
        var cases = await db.Cases.AsNoTracking().NewLocalInfections().Where(c => c.ReportedOn >= from && c.ReportedOn <= today)
            .Select(c => new { c.RegionCode, c.ReportedOn, c.Severity }).ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().Where(c => c.IdentifiedOn >= from && c.IdentifiedOn <= today)
            .GroupBy(c => new { City = c.RegionCode.Substring(0, 4), c.Kind, c.QuarantinePlace })
            .Select(g => new { g.Key.City, g.Key.Kind, g.Key.QuarantinePlace, Count = g.Count() }).ToListAsync(ct);
        var releases = await RoomReleasesAsync(db, today, ct);
        var names = await NamesAsync(db, ct);

        var cities = sites.Select(s => s.CityCode)
            .Concat(waiting.Select(w => w.CityCode))
            .Concat(cases.Select(c => c.RegionCode[..Math.Min(4, c.RegionCode.Length)]))
            .Distinct().Order(StringComparer.Ordinal).ToList();
        var views = new List<ForecastCapacity.CityView>();
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
            views.Add(new ForecastCapacity.CityView(
                city, names.GetValueOrDefault(city), rooms.Sum(s => s.Total), rooms.Sum(s => s.Available), rooms.Sum(s => s.Occupied), rooms.Sum(s => s.AwaitingDisinfection),
                rooms.Sum(s => s.OutOfService), shelter.Sum(s => s.Total), supply.FreeShelterBeds, designated.Sum(s => s.Total), supply.FreeDesignatedBeds,
                supply.WaitingForRooms, supply.WaitingForShelterBeds + supply.WaitingForDesignatedBeds, DemandForecast.Compute(trend, supply)));
        }

        return views;
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
