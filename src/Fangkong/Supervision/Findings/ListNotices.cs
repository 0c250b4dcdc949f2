using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Findings;

/// <summary>Escalation notices sent to the caller's regions, newest first, paged; and their acknowledgement.</summary>
public static class ListNotices
{
    public sealed record Row(long Id, long FindingId, string RegionCode, string FromRegion, int Level, string Text, DateTimeOffset CreatedAt, string? AcknowledgedBy);

    public static async Task<Page<Row>> HandleAsync(FangkongDbContext db, bool unacknowledgedOnly, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        IQueryable<EscalationNotice> notices = db.EscalationNotices.AsNoTracking();
        if (unacknowledgedOnly)
        {
            notices = notices.Where(n => n.AcknowledgedAt == null);
        }

        var (number, size) = Page<Row>.Clamp(page, pageSize);
        var total = await notices.CountAsync(ct);
        var rows = await notices.OrderByDescending(n => n.Id).Skip((number - 1) * size).Take(size)
            .Select(n => new Row(n.Id, n.FindingId, n.RegionCode, n.FromRegion, n.Level, n.Text, n.CreatedAt, n.AcknowledgedBy))
            .ToListAsync(ct);
        return new Page<Row>(rows, number, size, total);
    }

    public static async Task<Result<Row>> AcknowledgeAsync(FangkongDbContext db, TimeProvider time, long id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var notice = await db.EscalationNotices.FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null)
        {
            return Error.NotFound(ErrorText.Of("error.supervision.notice-not-found-jurisdiction", id));
        }

        if (notice.Acknowledge(db.Jurisdiction.UserName, time.GetUtcNow()))
        {
            await db.SaveChangesAsync(ct);
        }

        return new Row(notice.Id, notice.FindingId, notice.RegionCode, notice.FromRegion, notice.Level, notice.Text, notice.CreatedAt, notice.AcknowledgedBy);
    }
}
