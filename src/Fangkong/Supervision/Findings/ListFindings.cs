using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Findings;

/// <summary>Findings in the caller's jurisdiction, newest first, paged; by status, overdue, source or region.</summary>
public static class ListFindings
{
    public sealed record Query(FindingStatus? Status = null, bool OverdueOnly = false, FindingSource? Source = null, string? Region = null, int? Page = null, int? PageSize = null);

    public static async Task<Result<Page<FindingView.Summary>>> HandleAsync(FangkongDbContext db, TimeProvider time, Query query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(query);
        var now = time.GetUtcNow();
        IQueryable<Finding> findings = db.Findings.AsNoTracking();
        if (query.Region is { Length: > 0 } region)
        {
            if (Regions.RegionCode.Normalise(region) is not { } code)
            {
                return Error.Invalid("region", ErrorText.Of("error.testing.not-region-code", region));
            }

            findings = findings.Where(f => f.RegionCode.StartsWith(code));
        }

        if (query.Status is { } status)
        {
            findings = findings.Where(f => f.Status == status);
        }

        if (query.OverdueOnly)
        {
            findings = Overdue(findings, now);
        }

        if (query.Source is { } source)
        {
            findings = findings.Where(f => f.Source == source);
        }

        var (number, size) = Page<FindingView.Summary>.Clamp(query.Page, query.PageSize);
        var total = await findings.CountAsync(ct);
        var rows = await findings.OrderByDescending(f => f.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        return new Page<FindingView.Summary>(rows.Select(f => FindingView.SummaryOf(f, now)).ToList(), number, size, total);
    }

    /// <summary>Open findings past their deadline (the list's <c>overdue</c> filter; the situation view counts the same).</summary>
    public static IQueryable<Finding> Overdue(IQueryable<Finding> findings, DateTimeOffset now) =>
        findings.Where(f => f.Status == FindingStatus.Open && f.Deadline < now);
}
