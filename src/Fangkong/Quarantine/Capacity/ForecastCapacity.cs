using Fangkong.Common;
using Fangkong.Data;
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
        var names = await CityCapacity.NamesAsync(db, ct);
        var views = await CityCapacity.ReadAsync(db, today, ct);
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
}
