namespace Fangkong.Common.Input;

/// <summary>
/// The one rule for which dates the platform accepts, at every entry point (API, forms, CSV
/// imports). Nothing the platform records can predate the first reported cases (2019-12-01).
/// Facts that already happened (a swab, a report, a check-in) may be at most
/// <see cref="HappenedTolerance"/> ahead of the server's clock (clock drift, a lab in another zone);
/// planned things (a round's start, a pass's expiry) at most <see cref="PlannedHorizon"/> ahead.
/// </summary>
public static class PlausibleDates
{
    /// <summary>The earliest day accepted, China time.</summary>
    public static readonly DateOnly Earliest = new(2019, 12, 1);

    public static readonly TimeSpan HappenedTolerance = TimeSpan.FromDays(1);

    public static readonly TimeSpan PlannedHorizon = TimeSpan.FromDays(366);

    public static DateTimeOffset EarliestInstant => ChinaTime.StartOf(Earliest);

    /// <summary>Refuses a fact dated before <see cref="Earliest"/> or in the future.</summary>
    public static Error? CheckHappened(string field, DateTimeOffset value, DateTimeOffset now) =>
        Check(field, value, now + HappenedTolerance, happened: true);

    /// <summary>Refuses a plan dated before <see cref="Earliest"/> or beyond the horizon.</summary>
    public static Error? CheckPlanned(string field, DateTimeOffset value, DateTimeOffset now) =>
        Check(field, value, now + PlannedHorizon, happened: false);

    public static Error? CheckHappened(string field, DateOnly day, DateTimeOffset now) =>
        Check(field, day, ChinaTime.DayOf(now + HappenedTolerance), happened: true);

    public static Error? CheckPlanned(string field, DateOnly day, DateTimeOffset now) =>
        Check(field, day, ChinaTime.DayOf(now + PlannedHorizon), happened: false);

    private static Error? Check(string field, DateTimeOffset value, DateTimeOffset latest, bool happened) =>
        value < EarliestInstant || value > latest ? Refuse(field, ChinaTime.DayOf(value), ChinaTime.DayOf(latest), happened) : null;

    private static Error? Check(string field, DateOnly day, DateOnly latest, bool happened) =>
        day < Earliest || day > latest ? Refuse(field, day, latest, happened) : null;

    private static Error Refuse(string field, DateOnly day, DateOnly latest, bool happened)
    {
        var (zh, en) = happened ? ("已发生的事实不能晚于", "a fact that happened cannot be later than") : ("计划不能晚于", "a plan cannot be later than");
        return Error.Invalid(field, ErrorText.Of("error.common.date-outside", field, day, Earliest, latest, zh, en));
    }
}
