using System.Globalization;

namespace Fangkong.Common;

/// <summary>
/// China Standard Time (UTC+8), whatever the server's zone: the plans count local days, the
/// bulletins report local days, and the pages show local times.
/// </summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    /// <summary>The local day of an instant.</summary>
    public static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(Offset).DateTime);

    /// <summary>The instant a local day begins (00:00 in China), in UTC as PostgreSQL wants it.</summary>
    public static DateTimeOffset StartOf(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Offset).ToUniversalTime();

    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return DayOf(time.GetUtcNow());
    }

    public static string Format(DateTimeOffset? value) =>
        value is { } v ? v.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";
}
