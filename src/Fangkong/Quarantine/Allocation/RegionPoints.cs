using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Allocation;

/// <summary>The regions that have a position, to place a home whose compound has none: the nearest region up the code.</summary>
public sealed class RegionPoints
{
    private readonly Dictionary<string, GeoPoint> _points;

    private RegionPoints(Dictionary<string, GeoPoint> points) => _points = points;

    public static async Task<RegionPoints> ReadAsync(FangkongDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rows = await db.Regions.AsNoTracking().Where(r => r.Latitude != null && r.Longitude != null)
            .Select(r => new { r.Code, Latitude = r.Latitude!.Value, Longitude = r.Longitude!.Value }).ToListAsync(ct);
        return new RegionPoints(rows.ToDictionary(r => r.Code, r => new GeoPoint(r.Latitude, r.Longitude), StringComparer.Ordinal));
    }

    /// <summary>The position of the region or of its nearest ancestor that has one (12 → 9 → 6 → 4 → 2 digits).</summary>
    public GeoPoint? Find(string regionCode)
    {
        foreach (var length in new[] { 12, 9, 6, 4, 2 })
        {
            if (regionCode.Length >= length && _points.TryGetValue(regionCode[..length], out var point))
            {
                return point;
            }
        }

        return null;
    }
}
