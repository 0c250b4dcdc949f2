using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Organisations;

/// <summary>Units within the caller's jurisdiction with their officials, paged.</summary>
public static class ListOrganisations
{
    public sealed record Query(OrganisationKind? Kind, int? Page, int? PageSize);

    public sealed record OfficialRow(long Id, string Name, string Post, bool IsPartyMember);

    public sealed record Row(long Id, string Name, OrganisationKind Kind, string RegionCode, IReadOnlyList<OfficialRow> Officials);

    public static async Task<Result<Page<Row>>> HandleAsync(FangkongDbContext db, Query query, CancellationToken ct = default)
    {
        IQueryable<Organisation> units = db.Organisations.AsNoTracking();
        if (query.Kind is { } kind)
        {
            units = units.Where(o => o.Kind == kind);
        }

        var (number, size) = Page<Row>.Clamp(query.Page, query.PageSize);
        var total = await units.CountAsync(ct);
        var page = await units.OrderBy(o => o.RegionCode).ThenBy(o => o.Name)
            .Skip((number - 1) * size).Take(size)
            .ToListAsync(ct);
        var ids = page.Select(o => o.Id).ToList();
        var officials = await db.Officials.AsNoTracking()
            .Where(o => ids.Contains(o.OrganisationId))
            .OrderBy(o => o.Id)
            .ToListAsync(ct);
        var byUnit = officials.ToLookup(o => o.OrganisationId);
        var rows = page.Select(o => new Row(
            o.Id, o.Name, o.Kind, o.RegionCode,
            byUnit[o.Id].Select(x => new OfficialRow(x.Id, x.Name, x.Post, x.IsPartyMember)).ToList())).ToList();
        return new Page<Row>(rows, number, size, total);
    }
}
