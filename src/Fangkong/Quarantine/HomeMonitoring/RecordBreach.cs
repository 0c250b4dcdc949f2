using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Quarantine.HomeMonitoring;

/// <summary>
/// Records that a person under home watch left home: when it happened, when it was reported,
/// by whom, what happened. The delay is computed and judged against the report deadline
/// (<see cref="HomeMonitoringSettings"/>); a late report is flagged for supervision. The same
/// breach (watch and time of leaving) sent again is answered with the record already made.
/// </summary>
public static class RecordBreach
{
    /// <summary>Clocks of phones and servers disagree a little; a report "from the future" beyond this is refused.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    public sealed record Command(long WatchId, [Happened] DateTimeOffset? OccurredAt, [Happened] DateTimeOffset? ReportedAt, [MultiLine] string? Description, string? ReportedBy);

    public sealed record Recorded(
        long Id, long WatchId, DateTimeOffset OccurredAt, DateTimeOffset ReportedAt, double DelayHours, bool Late, double DeadlineHours, bool AlreadyRecorded);

    public static async Task<Result<Recorded>> HandleAsync(
        FangkongDbContext db, TimeProvider time, HomeMonitoringSettings settings, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(command);
        var watch = await db.HomeWatches.AsNoTracking().FirstOrDefaultAsync(w => w.Id == command.WatchId, ct);
        if (watch is null)
        {
            return Error.NotFound(ErrorText.Of("error.quarantine.home-watch-does-not-exist", command.WatchId));
        }

        if (command.OccurredAt is not { } occurred)
        {
            return Error.Invalid("occurredAt", ErrorText.Of("error.quarantine.give-time-person-left-home"));
        }

        var now = time.GetUtcNow();
        var reported = command.ReportedAt ?? now;
        if (reported < occurred)
        {
            return Error.Invalid("reportedAt", ErrorText.Of("error.quarantine.report-time-before-time-leaving"));
        }

        if (reported > now + ClockSkew)
        {
            return Error.Invalid("reportedAt", ErrorText.Of("error.quarantine.report-time-future"));
        }

        if (!watch.IsActiveOn(ChinaTime.DayOf(occurred)))
        {
            return Error.Invalid("occurredAt", ErrorText.Of("error.quarantine.time-leaving-outside-watch", watch.StartsOn, watch.EndsOn));
        }

        var description = command.Description?.Trim() ?? string.Empty;
        if (description.Length is 0 or > HomeBreach.DescriptionMaxLength)
        {
            return Error.Invalid("description", ErrorText.Of("error.quarantine.description-needs-characters", HomeBreach.DescriptionMaxLength));
        }

        var reporter = command.ReportedBy?.Trim() ?? string.Empty;
        if (reporter.Length is 0 or > HomeBreach.ReporterMaxLength)
        {
            return Error.Invalid("reportedBy", ErrorText.Of("error.quarantine.name-who-reported-up-characters", HomeBreach.ReporterMaxLength));
        }

        var deadline = settings.BreachReportDeadline;
        var at = occurred.ToUniversalTime();
        var existing = await db.HomeBreaches.AsNoTracking().FirstOrDefaultAsync(b => b.WatchId == watch.Id && b.OccurredAt == at, ct);
        if (existing is not null)
        {
            return View(existing, deadline, alreadyRecorded: true);
        }

        var breach = new HomeBreach(watch.Id, watch.RegionCode, occurred, reported, description, reporter, db.Jurisdiction.UserName, now);
        db.HomeBreaches.Add(breach);
        await db.SaveChangesAsync(ct);
        return View(breach, deadline, alreadyRecorded: false);
    }

    internal static Recorded View(HomeBreach b, TimeSpan deadline, bool alreadyRecorded) =>
        new(b.Id, b.WatchId, b.OccurredAt, b.ReportedAt, Math.Round(b.Delay.TotalHours, 2), b.IsLate(deadline), deadline.TotalHours, alreadyRecorded);
}
