using System.Globalization;
using Fangkong.Access;
using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.HomeMonitoring;

/// <summary>
/// People under home watch on a day, in the caller's jurisdiction, with that day's check-in;
/// with <c>missing</c>, only those who have not checked in (漏报), for the community's calls.
/// Ordered by community and name so a worker can go down the list; paged and audited.
/// </summary>
public static class ListHomeWatches
{
    public sealed record Query(DateOnly? Day, string? Region, string? Kind, bool Missing, int? Page, int? PageSize);

    public sealed record Row(
        long Id, HomeWatchKind Kind, string Name, string IdNumber, string Phone, string RegionCode, string? ContactNo, string? CaseNo,
        DateOnly StartsOn, DateOnly EndsOn, int DayNumber, bool CheckedIn, decimal? Temperature, string? Symptoms, bool Abnormal, int Breaches);

    public sealed record Listing(DateOnly Day, Page<Row> Page);

    public static async Task<Result<Listing>> HandleAsync(FangkongDbContext db, TimeProvider time, Query query, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(query);
        var day = query.Day ?? ChinaTime.Today(time);
        var region = ListCases.RegionFilter(db, query.Region);
        if (!region.IsSuccess)
        {
            return region.Error!;
        }

        var kind = EnumText.ParseOptional<HomeWatchKind>(query.Kind, "kind");
        if (!kind.IsSuccess)
        {
            return kind.Error!;
        }

        var watches = db.HomeWatches.AsNoTracking().Where(w => w.StartsOn <= day && w.EndsOn >= day);
        if (region.Value is { } prefix)
        {
            watches = watches.Where(w => w.RegionCode.StartsWith(prefix));
        }

        if (kind.Value is { } k)
        {
            watches = watches.Where(w => w.Kind == k);
        }

        if (query.Missing)
        {
            watches = watches.Where(w => !db.HomeCheckIns.Any(c => c.WatchId == w.Id && c.Day == day));
        }

        var (number, size) = Page<Row>.Clamp(query.Page, query.PageSize);
        var total = await watches.CountAsync(ct);
        var page = await watches.OrderBy(w => w.RegionCode).ThenBy(w => w.Name).ThenBy(w => w.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct);
        var ids = page.Select(w => w.Id).ToList();
        var checkIns = await db.HomeCheckIns.AsNoTracking().Where(c => c.Day == day && EF.Parameter(ids).Contains(c.WatchId)).ToDictionaryAsync(c => c.WatchId, ct);
        var breaches = await db.HomeBreaches.AsNoTracking().Where(b => EF.Parameter(ids).Contains(b.WatchId))
            .GroupBy(b => b.WatchId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var full = db.Jurisdiction.SeesFullIdentity;

        // Inspectors count check-ins and breaches: a masked name, no phone and no symptoms (least data, issue 14).
        var details = db.Jurisdiction.SeesResidentDetails;
        var rows = page.Select(w =>
        {
            checkIns.TryGetValue(w.Id, out var c);
            return new Row(
                w.Id, w.Kind, Masking.NameFor(w.Name, db.Jurisdiction), full ? w.IdNumber : Masking.IdNumber(w.IdNumber),
                !details ? string.Empty : full ? w.Phone ?? string.Empty : Masking.Phone(w.Phone), w.RegionCode,
                w.ContactNo, w.CaseNo, w.StartsOn, w.EndsOn, w.DayNumber(day), c is not null, c?.Temperature, details ? c?.Symptoms : null, c?.Abnormal ?? false,
                breaches.GetValueOrDefault(w.Id));
        }).ToList();
        if (ids.Count > 0)
        {
            await db.AuditSearchAsync(nameof(HomeWatch), string.Create(CultureInfo.InvariantCulture, $"day={day:yyyy-MM-dd};region={region.Value};kind={query.Kind};missing={query.Missing};page={number}"),
                ids, region.Value, ct);
        }

        return new Listing(day, new Page<Row>(rows, number, size, total));
    }
}
