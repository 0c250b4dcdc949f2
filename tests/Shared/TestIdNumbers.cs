namespace Fangkong.Tests;

/// <summary>
/// Resident identity numbers for test data, their check characters computed here and not by the
/// product's <c>IdNumber.CheckCharacter</c>: test data built with the code under test would stay
/// valid, and every test green, whatever mistake that code made. Shared by the test projects as a
/// linked file; checked against GB 11643-1999's own examples in <c>IdNumberKnownAnswerTests</c>.
/// </summary>
public static class TestIdNumbers
{
    /// <summary>
    /// The check character of 17 digits by ISO 7064 MOD 11-2, the pure system's recursive form (not
    /// the product's table of weights): fold the digits left to right as P = (P + digit) × 2 mod 11,
    /// then choose C so that P + C ≡ 1 (mod 11); C = 10 is written X.
    /// </summary>
    public static char Mod11_2(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17 || !first17.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"17 digits expected, got '{first17}'", nameof(first17));
        }

        var p = 0;
        foreach (var digit in first17)
        {
            p = (p + (digit - '0')) * 2 % 11;
        }

        var check = (12 - p) % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    /// <summary>17 digits and their check character.</summary>
    public static string Complete(string first17) => first17 + Mod11_2(first17);

    /// <summary>A valid number: the county part of <paramref name="region"/>, birth date (yyyyMMdd), sequence (odd = male).</summary>
    public static string For(string region, string birth, int sequence) =>
        Complete(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{region[..6]}{birth}{sequence:D3}"));
}
