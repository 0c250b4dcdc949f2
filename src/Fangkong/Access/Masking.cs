namespace Fangkong.Access;

/// <summary>
/// Masks identity numbers and phones for roles that do not need them. A mask is only as good as
/// what it leaves: the birth date is hidden and so is the check character, because a visible check
/// character lets anyone test guesses of the hidden digits offline (ADR 0016). The responses that
/// carry a masked number never carry the birth date either.
/// </summary>
public static class Masking
{
    private const char Hidden = '*';

    /// <summary>
    /// 220204199001011237 -> 220204********123*: the region code and the three sequence digits
    /// stay (enough to tell two people of a county apart and to compare with a card in hand), the
    /// birth date and the check character are hidden. A 15-digit first-generation number keeps its
    /// region and sequence. Other documents keep at most as many characters at the start as are
    /// hidden, and the last four.
    /// </summary>
    public static string IdNumber(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 18 && !value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9'))
        {
            return string.Concat(value.AsSpan(0, 6), new string(Hidden, 8), value.AsSpan(14, 3), Hidden.ToString());
        }

        if (value.Length == 15 && !value.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            return string.Concat(value.AsSpan(0, 6), new string(Hidden, 6), value.AsSpan(12, 3));
        }

        if (value.Length <= 8)
        {
            return new string(Hidden, value.Length);
        }

        // At least as many characters are hidden as shown at the start, so short passport numbers stay masked.
        var keepStart = Math.Min(6, (value.Length - 4) / 2);
        return string.Concat(value.AsSpan(0, keepStart), new string(Hidden, value.Length - keepStart - 4), value.AsSpan(value.Length - 4));
    }

    /// <summary>
    /// 王小明 -> 王**, 欧阳娜娜 -> 欧***, Li Wei -> L*****: the first character and one star for each
    /// other one, for roles that need to tell rows apart but not who they are (inspectors' lists).
    /// </summary>
    public static string Name(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // A surrogate pair (a rare CJK character outside the BMP) is one character, kept whole.
        var first = char.IsHighSurrogate(value[0]) && value.Length > 1 ? 2 : 1;
        var rest = new System.Globalization.StringInfo(value[first..]).LengthInTextElements;
        return string.Concat(value.AsSpan(0, first), new string(Hidden, Math.Max(rest, 1)));
    }

    /// <summary>The name as <paramref name="jurisdiction"/> may see it in a list: whole for roles that see resident details, else masked.</summary>
    public static string NameFor(string? value, Jurisdiction jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        return jurisdiction.SeesResidentDetails ? value ?? string.Empty : Name(value);
    }

    /// <summary>The identity number as <paramref name="jurisdiction"/> may see it: whole for roles that need it, else masked.</summary>
    public static string IdNumberFor(string? value, Jurisdiction jurisdiction)
    {
        ArgumentNullException.ThrowIfNull(jurisdiction);
        return jurisdiction.SeesFullIdentity ? value ?? string.Empty : IdNumber(value ?? string.Empty);
    }

    /// <summary>13912345678 -> 139****5678.</summary>
    public static string Phone(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        if (value.Length <= 7)
        {
            return new string(Hidden, value.Length);
        }

        return string.Concat(value.AsSpan(0, 3), new string(Hidden, value.Length - 7), value.AsSpan(value.Length - 4));
    }
}
