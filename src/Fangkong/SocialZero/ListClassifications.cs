using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.SocialZero;

/// <summary>The classifications of one day's new cases in a region (case numbers, no personal data), paged.</summary>
public static class ListClassifications
{
    public sealed record Row(string CaseNo, string RegionCode, DateOnly ReportedOn, DetectionLevel Level, ControlReason Reason, string? Note);

    public static async Task<Page<Row>> HandleAsync(FangkongDbContext db, string region, DateOnly day, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (number, size) = Page<Row>.Clamp(page, pageSize);
        var query = db.CaseClassifications.AsNoTracking().Where(c => c.RegionCode.StartsWith(region) && c.ReportedOn == day);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(c => c.Level).ThenBy(c => c.CaseNo).Skip((number - 1) * size).Take(size)
            .Select(c => new Row(c.CaseNo, c.RegionCode, c.ReportedOn, c.Level, c.Reason, c.Note)).ToListAsync(ct);
        return new Page<Row>(rows, number, size, total);
    }
}
