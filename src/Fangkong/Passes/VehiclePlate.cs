using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Fangkong.Passes;

/// <summary>
/// A Chinese motor-vehicle plate (GA 36): a province character, a letter for the issuing
/// office, then five characters for ordinary plates (吉B12345) or six for new-energy plates
/// (吉BD12345); the letters I and O are never used. Stored without spaces or the middle dot.
/// </summary>
public static partial class VehiclePlate
{
    public const int MaxLength = 10;

    private const string Provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

    public static bool TryNormalise(string? text, [NotNullWhen(true)] out string? plate)
    {
        plate = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace("·", string.Empty, StringComparison.Ordinal).ToUpperInvariant();
        if (s.Length < 7 || Provinces.IndexOf(s[0], StringComparison.Ordinal) < 0 || !Plate().IsMatch(s[1..]))
        {
            return false;
        }

        plate = s;
        return true;
    }

    // Office letter, then 5 (ordinary; may end in 挂/学/警) or 6 (new energy) letters and digits, without I and O.
    [GeneratedRegex("^[A-HJ-NP-Z](?:[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警]|[A-HJ-NP-Z0-9]{6})$", RegexOptions.CultureInvariant)]
    private static partial Regex Plate();
}
