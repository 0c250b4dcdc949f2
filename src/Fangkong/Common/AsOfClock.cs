namespace Fangkong.Common;

/// <summary>
/// A clock that stands on a chosen day in China and keeps the real time of day: the web's clock
/// set to a day of a replayed scenario (<c>serve --as-of 2022-03-20</c>, setting <c>Clock:AsOf</c>),
/// so that every page and API that asks for "today" shows the city as it stood that day, while
/// hours still pass (sessions, deadlines within the day).
/// </summary>
public sealed class AsOfClock(DateOnly day, TimeProvider real) : TimeProvider
{
    public DateOnly Day { get; } = day;

    public override DateTimeOffset GetUtcNow()
    {
        var now = real.GetUtcNow();
        var sinceMidnight = now - ChinaTime.StartOf(ChinaTime.DayOf(now));
        return ChinaTime.StartOf(Day).Add(sinceMidnight).ToUniversalTime();
    }

    public override TimeZoneInfo LocalTimeZone => real.LocalTimeZone;

    public override long GetTimestamp() => real.GetTimestamp();

    public override long TimestampFrequency => real.TimestampFrequency;
}
