using System.Diagnostics.CodeAnalysis;

namespace Fangkong.Regions;

/// <summary>
/// A statistical division code in its short form: 2 (province), 4 (city), 6 (county),
/// 9 (township) or 12 (community/village) digits. The parent of a region is a prefix of its
/// code, so a jurisdiction check is a prefix match.
/// </summary>
public sealed record RegionCode
{
    public const int MaxLength = 12;

    private static readonly int[] Lengths = [2, 4, 6, 9, 12];

    private RegionCode(string value) => Value = value;

    public string Value { get; }

    public RegionLevel Level => (RegionLevel)Value.Length;

    /// <summary>The code of the enclosing region, or null for a province.</summary>
    public RegionCode? Parent => Level switch
    {
        RegionLevel.Province => null,
        RegionLevel.City => new RegionCode(Value[..2]),
        RegionLevel.County => new RegionCode(Value[..4]),
        RegionLevel.Township => new RegionCode(Value[..6]),
        _ => new RegionCode(Value[..9]),
    };

    /// <summary>True when this region is <paramref name="ancestor"/> or lies inside it.</summary>
    public bool IsWithin(RegionCode ancestor) => Value.StartsWith(ancestor.Value, StringComparison.Ordinal);

    /// <summary>
    /// Parses a short code or a padded form: the 6-digit GB/T 2260 form (220000 = 22,
    /// 220100 = 2201) and the 12-digit padded statistical form (220204000000 = 220204).
    /// </summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out RegionCode? code)
    {
        code = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim();
        if (!s.All(char.IsAsciiDigit) || Array.IndexOf(Lengths, s.Length) < 0)
        {
            return false;
        }

        if (s.Length is 6 or 12)
        {
            s = StripPadding(s);
        }

        if (s.StartsWith("00", StringComparison.Ordinal))
        {
            return false;
        }

        code = new RegionCode(s);
        return true;
    }

    /// <summary>Parses or throws <see cref="FormatException"/> naming the bad value.</summary>
    public static RegionCode Parse(string text) =>
        TryParse(text, out var code)
            ? code
            : throw new FormatException($"'{text}' is not a region code (2, 4, 6, 9 or 12 digits).");

    /// <summary>Normalises a code string, or returns null when it is not one.</summary>
    /// <summary>The code of the region above <paramref name="code"/>: 220204003001 → 220204003 → 220204 → 2202 → 22 → "".</summary>
    public static string ParentOf(string code) => TryParse(code, out var parsed) ? parsed.Parent?.Value ?? string.Empty : string.Empty;

    /// <summary>The smallest whole region (2, 4, 6, 9 or 12 digits, or "" for none) holding every code given.</summary>
    public static string CommonAncestor(IEnumerable<string> codes)
    {
        string? prefix = null;
        foreach (var code in codes)
        {
            prefix = prefix is null ? code : new string([.. prefix.Zip(code).TakeWhile(p => p.First == p.Second).Select(p => p.First)]);
        }

        var length = (prefix ?? string.Empty).Length;
        var level = new[] { 12, 9, 6, 4, 2, 0 }.First(l => l <= length);
        return (prefix ?? string.Empty)[..level];
    }

    public static string? Normalise(string? text) => TryParse(text, out var code) ? code.Value : null;

    private static string StripPadding(string s)
    {
        // Remove trailing all-zero groups, level by level: 220204000000 -> 220204, 220000 -> 22.
        foreach (var length in new[] { 9, 6, 4, 2 })
        {
            if (length < s.Length && s[length..].All(c => c == '0'))
            {
                s = s[..length];
            }
        }

        return s;
    }

    public override string ToString() => Value;
}
