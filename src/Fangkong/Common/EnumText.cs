namespace Fangkong.Common;

/// <summary>Parses an enum from its name only: "red" or "Red", never "2" or an undefined value.</summary>
public static class EnumText
{
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text, ignoreCase: true, out value)
        && Enum.IsDefined(value)
        && !int.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _);
}
