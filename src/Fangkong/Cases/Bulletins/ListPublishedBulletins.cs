using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases.Bulletins;

/// <summary>Published bulletins in the caller's jurisdiction, newest day first, paged; and one of them.</summary>
public static class ListPublishedBulletins
{
    public sealed record Row(long Id, string RegionCode, DateOnly Date, int Version, string PublishedBy, DateTimeOffset PublishedAt, string? Correction, string FiguresSha256, int? NoticeYear = null, int? NoticeNo = null);

    public sealed record Detail(Row Row, string Text, string TextEn, IReadOnlyDictionary<string, int> Figures);

    public static async Task<Page<Row>> HandleAsync(FangkongDbContext db, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (number, size) = Page<Row>.Clamp(page, pageSize);
        var all = db.PublishedBulletins.AsNoTracking();
        var total = await all.CountAsync(ct);
        var rows = await all.OrderByDescending(p => p.Date).ThenBy(p => p.RegionCode).ThenByDescending(p => p.Version)
            .Skip((number - 1) * size).Take(size)
            .Select(p => new Row(p.Id, p.RegionCode, p.Date, p.Version, p.PublishedBy, p.PublishedAt, p.Correction, p.FiguresSha256, p.NoticeYear, p.NoticeNo))
            .ToListAsync(ct);
        return new Page<Row>(rows, number, size, total);
    }

    public static async Task<Result<Detail>> GetAsync(FangkongDbContext db, long id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var p = await db.PublishedBulletins.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        return p is null
            ? Error.NotFound(ErrorText.Of("error.cases.bulletin-not-found-jurisdiction", id))
            : new Detail(new Row(p.Id, p.RegionCode, p.Date, p.Version, p.PublishedBy, p.PublishedAt, p.Correction, p.FiguresSha256, p.NoticeYear, p.NoticeNo), p.Text, p.TextEn, BulletinFigures.Parse(p.Figures));
    }
}
