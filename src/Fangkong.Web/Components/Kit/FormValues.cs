using System.Globalization;
using Fangkong.Common;

namespace Fangkong.Web.Components.Kit;

/// <summary>
/// Reads form text the way the old form endpoints did, for use cases that take typed values: a text
/// that does not parse is null, and the use case then names the field as missing or invalid.
/// </summary>
public static class FormValues
{
    public static DateOnly? Day(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;

    public static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value) ? value : null;

    public static long? Id(string? text) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>A datetime-local field is China time without an offset.</summary>
    public static DateTimeOffset? ChinaLocal(string? text) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ChinaTime.Offset)
            : null;

    /// <summary>A list typed in one field, separated by commas (either width), 、, semicolons or spaces.</summary>
    public static string[] List(string? text) =>
        (text ?? string.Empty).Split([',', '，', '、', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
