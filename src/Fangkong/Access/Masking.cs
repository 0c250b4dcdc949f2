namespace Fangkong.Access;

/// <summary>Masks identity numbers and phones for roles that do not need them.</summary>
public static class Masking
{
    /// <summary>220204199001011234 -> 220204********1234: the region and the last four stay.</summary>
    public static string IdNumber(string value)
    {
        if (value.Length <= 8)
        {
            return new string('*', value.Length);
        }

        // At least as many characters are hidden as shown at the start, so short passport numbers stay masked.
        var keepStart = Math.Min(6, (value.Length - 4) / 2);
        return string.Concat(value.AsSpan(0, keepStart), new string('*', value.Length - keepStart - 4), value.AsSpan(value.Length - 4));
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
            return new string('*', value.Length);
        }

        return string.Concat(value.AsSpan(0, 3), new string('*', value.Length - 7), value.AsSpan(value.Length - 4));
    }
}
