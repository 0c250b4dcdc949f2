using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.HomeMonitoring;

/// <summary>One home watch with every check-in and breach, and the days without a check-in so far; the read is audited.</summary>
public static class GetHomeWatch
{
    public sealed record CheckInRow(DateOnly Day, int DayNumber, decimal Temperature, string? Symptoms, bool Fever, bool Abnormal, DateTimeOffset RecordedAt, string RecordedBy);

    /// <summary>A test of the watch: a due day of its order (with or without a result yet) or an extra test taken.</summary>
    public sealed record TestRow(DateOnly Day, int DayNumber, bool Scheduled, Stay.StayTestResult? Result, DateTimeOffset? TakenAt);

    public sealed record View(
        long Id, HomeWatchKind Kind, string Name, string IdNumber, string Phone, string RegionCode, string? ContactNo, string? CaseNo,
        DateOnly StartsOn, DateOnly EndsOn, IReadOnlyList<CheckInRow> CheckIns, IReadOnlyList<DateOnly> MissingDays, IReadOnlyList<RecordBreach.Recorded> Breaches,
        IReadOnlyList<TestRow>? Tests = null, DateOnly? ReleasedOn = null);

    public static async Task<Result<View>> HandleAsync(FangkongDbContext db, TimeProvider time, HomeMonitoringSettings settings, long id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(settings);
        var w = await db.HomeWatches.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (w is null)
        {
            return Error.NotFound(ErrorText.Of("error.quarantine.home-watch-does-not-exist", id));
        }

        var checkIns = await db.HomeCheckIns.AsNoTracking().Where(c => c.WatchId == id).OrderBy(c => c.Day).ToListAsync(ct);
        var tests = await db.HomeTests.AsNoTracking().Where(t => t.WatchId == id).ToDictionaryAsync(t => t.DueOn, ct);
        var testRows = w.TestDates().Union(tests.Keys).Order()
            .Select(d => tests.TryGetValue(d, out var t)
                ? new TestRow(d, t.DayNumber, t.Scheduled, t.Result, t.TakenAt)
                : new TestRow(d, w.DayNumber(d), true, null, null))
            .ToList();
        var breaches = await db.HomeBreaches.AsNoTracking().Where(b => b.WatchId == id).OrderBy(b => b.OccurredAt).ToListAsync(ct);
        var today = ChinaTime.Today(time);
        var last = today < w.EndsOn ? today : w.EndsOn;
        var done = checkIns.Select(c => c.Day).ToHashSet();
        var missing = new List<DateOnly>();
        for (var d = w.StartsOn; d <= last; d = d.AddDays(1))
        {
            if (!done.Contains(d))
            {
                missing.Add(d);
            }
        }

        await db.AuditReadAsync(nameof(HomeWatch), id.ToString(System.Globalization.CultureInfo.InvariantCulture), w.RegionCode, ct);
        var full = db.Jurisdiction.SeesFullIdentity;
        return new View(
            w.Id, w.Kind, Masking.NameFor(w.Name, db.Jurisdiction), full ? w.IdNumber : Masking.IdNumber(w.IdNumber),
            !db.Jurisdiction.SeesResidentDetails ? string.Empty : full ? w.Phone ?? string.Empty : Masking.Phone(w.Phone), w.RegionCode,
            w.ContactNo, w.CaseNo, w.StartsOn, w.EndsOn,
            [.. checkIns.Select(c => new CheckInRow(c.Day, w.DayNumber(c.Day), c.Temperature, db.Jurisdiction.SeesResidentDetails ? c.Symptoms : null, c.Fever, c.Abnormal, c.RecordedAt, c.RecordedBy))],
            missing,
            [.. breaches.Select(b => RecordBreach.View(b, settings.BreachReportDeadline, alreadyRecorded: false))],
            testRows, w.ReleasedOn);
    }
}
