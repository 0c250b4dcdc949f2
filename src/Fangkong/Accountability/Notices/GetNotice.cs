using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Accountability;

/// <summary>A saved notice as its document, and the list of notices in the caller's jurisdiction.</summary>
public static class GetNotice
{
    public sealed record Row(
        long Id, string Title, string IssuingBody, DateOnly IssuedOn, int Matters, string CreatedBy, DateTimeOffset CreatedAt, NoticeStatus Status,
        string? ApprovedBy, string? PublishedBy, DateTimeOffset? PublishedAt);

    /// <summary>One step of the publication log: drafted, approved, published; by whom and when.</summary>
    public sealed record LogEntry(string Step, string By, DateTimeOffset At);

    public sealed record View(long Id, IReadOnlyList<long> CaseIds, NoticeDocument Document, NoticeStatus Status, IReadOnlyList<LogEntry> Log);

    public static async Task<Result<View>> HandleAsync(FangkongDbContext db, long id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var notice = await db.PublicNotices.AsNoTracking().Include(n => n.Items).FirstOrDefaultAsync(n => n.Id == id, ct);
        if (notice is null)
        {
            return NotFound(id);
        }

        var ids = notice.Items.OrderBy(i => i.Position).Select(i => i.CaseId).ToList();
        var cases = await db.AccountabilityCases.AsNoTracking().Include(c => c.Officials).Where(c => EF.Parameter(ids).Contains(c.Id)).ToListAsync(ct);
        // Only cases the caller sees are printed; a notice is filed at its issuer's level, so normally that is all of them.
        var ordered = ids.Select(i => cases.FirstOrDefault(c => c.Id == i)).OfType<AccountabilityCase>().ToList();
        await db.AuditReadAsync(nameof(PublicNotice), id.ToString(CultureInfo.InvariantCulture), notice.RegionCode, ct);
        return new View(notice.Id, ids, NoticeWriter.Document(notice, ordered), notice.Status, Log(notice));
    }

    internal static Error NotFound(long id) => Error.NotFound(ErrorText.Of("error.accountability.notice-not-found-jurisdiction", id));

    private static List<LogEntry> Log(PublicNotice n)
    {
        var log = new List<LogEntry> { new("drafted", n.CreatedBy, n.CreatedAt) };
        if (n.ApprovedBy is { } approver && n.ApprovedAt is { } approved)
        {
            log.Add(new LogEntry("approved", approver, approved));
        }

        if (n.PublishedBy is { } publisher && n.PublishedAt is { } published)
        {
            log.Add(new LogEntry("published", publisher, published));
        }

        return log;
    }

    public static async Task<Page<Row>> ListAsync(FangkongDbContext db, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (number, size) = Page<Row>.Clamp(page, pageSize);
        var total = await db.PublicNotices.CountAsync(ct);
        var rows = await db.PublicNotices.AsNoTracking().OrderByDescending(n => n.Id).Skip((number - 1) * size).Take(size)
            .Select(n => new Row(n.Id, n.Title, n.IssuingBody, n.IssuedOn, n.Items.Count, n.CreatedBy, n.CreatedAt, n.Status, n.ApprovedBy, n.PublishedBy, n.PublishedAt))
            .ToListAsync(ct);
        return new Page<Row>(rows, number, size, total);
    }
}
