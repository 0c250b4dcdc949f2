using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Livelihood.Requests;

/// <summary>
/// Requests in the caller's jurisdiction, oldest due first, paged: by state, kind, region, open or
/// overdue only, or the district's queue (not yet placed). The page's names and phones are audited
/// as a search of residents' data.
/// </summary>
public static class ListRequests
{
    public sealed record Query(
        RequestState? State = null, RequestKind? Kind = null, string? Region = null, bool OpenOnly = false, bool OverdueOnly = false,
        bool QueueOnly = false, int? Page = null, int? PageSize = null);

    public static async Task<Result<Page<RequestView.Summary>>> HandleAsync(FangkongDbContext db, TimeProvider time, Query query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(query);
        var now = time.GetUtcNow();
        IQueryable<ResidentRequest> requests = db.ResidentRequests().AsNoTracking();
        string? region = null;
        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            region = Regions.RegionCode.Normalise(query.Region.Trim());
            if (region is null)
            {
                return Error.Invalid("region", ErrorText.Of("error.testing.not-region-code", query.Region));
            }

            requests = requests.Where(r => r.RegionCode.StartsWith(region));
        }

        if (query.State is { } state)
        {
            requests = requests.Where(r => r.State == state);
        }

        if (query.Kind is { } kind)
        {
            requests = requests.Where(r => r.Kind == kind);
        }

        if (query.OpenOnly || query.OverdueOnly)
        {
            requests = requests.Where(r => r.State == RequestState.Received || r.State == RequestState.Assigned || r.State == RequestState.InProgress);
        }

        if (query.OverdueOnly)
        {
            requests = requests.Where(r => r.DueAt < now);
        }

        if (query.QueueOnly)
        {
            requests = requests.Where(r => !r.Placed);
        }

        var (number, size) = Page<RequestView.Summary>.Clamp(query.Page, query.PageSize);
        var total = await requests.CountAsync(ct);
        var rows = await requests.OrderBy(r => r.DueAt).ThenBy(r => r.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var items = rows.Select(r => RequestView.SummaryOf(r, db.Jurisdiction, now)).ToList();
        if (items.Count > 0)
        {
            await db.AuditSearchAsync(nameof(ResidentRequest), string.Create(CultureInfo.InvariantCulture,
                $"state={query.State};kind={query.Kind};region={region};open={query.OpenOnly};overdue={query.OverdueOnly};queue={query.QueueOnly};page={number}"),
                items.Select(i => i.Id).ToList(), region, ct);
        }

        return new Page<RequestView.Summary>(items, number, size, total);
    }
}
