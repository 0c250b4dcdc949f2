using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Areas;

/// <summary>
/// The counties of a city with the most severe designation in force in each (the map's colour)
/// and how many units hold each level. The shapes join on the county's name: the map files carry
/// names, not codes.
/// </summary>
public static class AreaMapData
{
    /// <summary>吉林市: the city whose county shapes are shipped (wwwroot/geo).</summary>
    public const string DefaultCity = "2202";

    /// <param name="Worst">The most severe level in force, whatever its scheme (the map's colour: the stricter wins).</param>
    /// <param name="WorstByScheme">The most severe level of each scheme in force, shown side by side where both are (issue 15, rule 6).</param>
    public sealed record County(string Code, string Name, AreaLevel? Worst, IReadOnlyDictionary<AreaLevel, int> Counts, IReadOnlyDictionary<Cases.AreaScheme, AreaLevel>? WorstByScheme = null);

    public sealed record View(string CityCode, string CityName, IReadOnlyList<County> Counties);

    public static async Task<Result<View>> HandleAsync(FangkongDbContext db, string cityCode, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var city = RegionCode.Normalise(cityCode);
        if (city is null || city.Length != (int)RegionLevel.City)
        {
            return Error.Invalid("city", ErrorText.Of("error.areas.not-city-code-digits", cityCode));
        }

        var name = await db.Regions.AsNoTracking().Where(r => r.Code == city).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return Error.NotFound(ErrorText.Of("error.testing.region-not-registry", city));
        }

        var counties = await db.Regions.AsNoTracking().Where(r => r.ParentCode == city).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        // Within the jurisdiction (query filter): a county worker's map shows only its own county coloured.
        var counts = await db.AreaDesignations.AsNoTracking()
            .Where(d => d.RegionCode.StartsWith(city) && d.EndsOn == null)
            .GroupBy(d => new { County = d.RegionCode.Substring(0, 6), d.Level })
            .Select(g => new { g.Key.County, g.Key.Level, Count = g.Count() })
            .ToListAsync(ct);
        var lines = counties.Select(c =>
        {
            var mine = counts.Where(x => x.County == c.Code).ToDictionary(x => x.Level, x => x.Count);
            AreaLevel? worst = mine.Count == 0 ? null : mine.Keys.OrderByDescending(l => l.Severity()).ThenBy(l => l).First();
            var byScheme = mine.Keys.GroupBy(l => l.SchemeOf())
                .ToDictionary(g => g.Key, g => g.OrderByDescending(l => l.Severity()).ThenBy(l => l).First());
            return new County(c.Code, c.Name, worst, mine, byScheme);
        }).ToList();
        return new View(city, name, lines);
    }
}
