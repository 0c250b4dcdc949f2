using System.Globalization;
using Fangkong.Access;
using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine.Stay;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.HomeMonitoring;

/// <summary>
/// The community's list of people at home who must be tested on a day (居家人员今日应检, issue 15,
/// rule 4): every watch not yet released whose order has a test on that day (days 2 and 7 of the 8th
/// edition's home phase), and earlier test days still without a result (overdue). Each row links to
/// its watch, where the result is recorded or seen. By community and name; audited as a list of people.
/// </summary>
public static class ListHomeDueTests
{
    public const int MaxRows = 2_000;

    public sealed record Row(long WatchId, HomeWatchKind Kind, string Name, string Phone, string RegionCode, DateOnly DueOn, int DayNumber, bool Overdue, StayTestResult? Result, string Link);

    public sealed record Listing(DateOnly Day, int Due, int Done, IReadOnlyList<Row> Tests);

    public static async Task<Result<Listing>> HandleAsync(FangkongDbContext db, TimeProvider time, DateOnly? day, string? region, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var the = day ?? ChinaTime.Today(time);
        var prefix = ListCases.RegionFilter(db, region);
        if (!prefix.IsSuccess)
        {
            return prefix.Error!;
        }

        var watches = db.HomeWatches.AsNoTracking().Where(w => w.ReleasedOn == null && w.StartsOn <= the && w.TestDays != string.Empty);
        if (prefix.Value is { } p)
        {
            watches = watches.Where(w => w.RegionCode.StartsWith(p));
        }

        var candidates = await watches.OrderBy(w => w.RegionCode).ThenBy(w => w.Name).ThenBy(w => w.Id).Take(MaxRows).ToListAsync(ct);
        var ids = candidates.Select(w => w.Id).ToList();
        var results = await db.HomeTests.AsNoTracking().Where(t => EF.Parameter(ids).Contains(t.WatchId) && t.DueOn <= the)
            .Select(t => new { t.WatchId, t.DueOn, t.Result }).ToListAsync(ct);
        var byDay = results.ToDictionary(t => (t.WatchId, t.DueOn), t => t.Result);
        var details = db.Jurisdiction.SeesResidentDetails;
        var full = db.Jurisdiction.SeesFullIdentity;
        var rows = new List<Row>();
        foreach (var w in candidates)
        {
            foreach (var due in w.TestDates().Where(d => d <= the))
            {
                StayTestResult? result = byDay.TryGetValue((w.Id, due), out var r) ? r : null;
                if (due < the && result is not null)
                {
                    continue;
                }

                rows.Add(new Row(
                    w.Id, w.Kind, Masking.NameFor(w.Name, db.Jurisdiction), !details ? string.Empty : full ? w.Phone ?? string.Empty : Masking.Phone(w.Phone),
                    w.RegionCode, due, w.DayNumber(due), due < the, result, string.Create(CultureInfo.InvariantCulture, $"home-monitoring/{w.Id}")));
            }
        }

        if (rows.Count > 0)
        {
            await db.AuditSearchAsync(nameof(HomeWatch), string.Create(CultureInfo.InvariantCulture, $"due-tests={the:yyyy-MM-dd};region={prefix.Value}"),
                [.. rows.Select(r => r.WatchId).Distinct()], prefix.Value, ct);
        }

        return new Listing(the, rows.Count, rows.Count(r => r.Result is not null), rows);
    }
}
