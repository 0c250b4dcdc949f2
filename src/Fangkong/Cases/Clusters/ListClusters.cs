using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases.Clusters;

/// <summary>Active clusters within the caller's jurisdiction, paged, latest case first; filtered by place kind, nosocomial, region.</summary>
public static class ListClusters
{
    public sealed record Query(string? PlaceKind, bool? Nosocomial, string? Region, int? Page, int? PageSize);

    public sealed record Row(
        long Id, string RegionCode, long? PlaceId, string? PlaceName, PlaceKind? PlaceKind, string? HouseholdNo, bool IsNosocomial, bool NeedsSupervision,
        int CaseCount, DateOnly FirstCaseOn, DateOnly LastCaseOn, DateOnly FormedOn, DateOnly UpdatedOn);

    public static async Task<Result<Page<Row>>> HandleAsync(FangkongDbContext db, Query query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var clusters = db.Clusters.AsNoTracking().Where(c => c.Status == ClusterStatus.Active);
        var region = ListCases.RegionFilter(db, query.Region);
        if (!region.IsSuccess)
        {
            return region.Error!;
        }

        if (region.Value is { } prefix)
        {
            clusters = clusters.Where(c => c.RegionCode.StartsWith(prefix));
        }

        var kind = EnumText.ParseOptional<PlaceKind>(query.PlaceKind, "placeKind");
        if (!kind.IsSuccess)
        {
            return kind.Error!;
        }

        if (kind.Value is { } k)
        {
            clusters = clusters.Where(c => c.PlaceKind == k);
        }

        if (query.Nosocomial is { } nosocomial)
        {
            clusters = clusters.Where(c => c.IsNosocomial == nosocomial);
        }

        var (number, size) = Page<Row>.Clamp(query.Page, query.PageSize);
        var total = await clusters.CountAsync(ct);
        var rows = await clusters.OrderByDescending(c => c.LastCaseOn).ThenByDescending(c => c.Id).Skip((number - 1) * size).Take(size)
            .Select(c => new Row(c.Id, c.RegionCode, c.PlaceId, c.PlaceName, c.PlaceKind, c.HouseholdNo, c.IsNosocomial, c.NeedsSupervision,
                c.CaseCount, c.FirstCaseOn, c.LastCaseOn, c.FormedOn, c.UpdatedOn))
            .ToListAsync(ct);
        return new Page<Row>(rows, number, size, total);
    }
}
