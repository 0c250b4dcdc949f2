using System.Globalization;

namespace Fangkong.Web.Infrastructure;

/// <summary>Times as the pages show them: Beijing time (UTC+8), whatever the server's zone.</summary>
public static class ChinaTime
{
    public static readonly TimeSpan Offset = TimeSpan.FromHours(8);

    public static string Format(DateTimeOffset? value) =>
        value is { } v ? v.ToOffset(Offset).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";
}
