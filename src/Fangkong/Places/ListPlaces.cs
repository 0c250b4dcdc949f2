using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Places;

/// <summary>Key places within the caller's jurisdiction, optionally of one kind or under one region, paged.</summary>
public static class ListPlaces
{
    public sealed record Query(PlaceKind? Kind, string? RegionCode, int? Page, int? PageSize);

    public sealed record Row(long Id, string Name, PlaceKind Kind, string RegionCode, string? Address, bool IsSupplyGuarantee);

    public static async Task<Result<Page<Row>>> HandleAsync(FangkongDbContext db, Query query, CancellationToken ct = default)
    {
        IQueryable<Place> places = db.Places.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.RegionCode))
        {
            var region = Regions.RegionCode.Normalise(query.RegionCode);
            if (region is null)
            {
                return Error.Invalid("region", ErrorText.Of("error.testing.not-region-code", query.RegionCode));
            }

            places = places.Where(p => p.RegionCode.StartsWith(region));
        }

        if (query.Kind is { } kind)
        {
            places = places.Where(p => p.Kind == kind);
        }

        var (number, size) = Page<Row>.Clamp(query.Page, query.PageSize);
        var total = await places.CountAsync(ct);
        var rows = await places.OrderBy(p => p.RegionCode).ThenBy(p => p.Name)
            .Skip((number - 1) * size).Take(size)
            .Select(p => new Row(p.Id, p.Name, p.Kind, p.RegionCode, p.Address, p.IsSupplyGuarantee))
            .ToListAsync(ct);
        return new Page<Row>(rows, number, size, total);
    }
}
