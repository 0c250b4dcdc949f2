using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Fangkong.Persons;

/// <summary>
/// A resident identity number (居民身份证号码, GB 11643-1999): 6-digit address code, 8-digit
/// birth date, 3-digit sequence (odd = male) and a check character computed by ISO 7064 MOD 11-2.
/// </summary>
public sealed record IdNumber
{
    public const int Length = 18;

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private IdNumber(string value) => Value = value;

    public string Value { get; }

    public string AddressCode => Value[..6];

    public DateOnly BirthDate => DateOnly.ParseExact(Value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture);

    public Sex Sex => (Value[16] - '0') % 2 == 1 ? Sex.Male : Sex.Female;

    /// <summary>Parses and checks an identity number; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out IdNumber? id, [NotNullWhen(false)] out string? error)
    {
        id = null;
        var s = text?.Trim().ToUpperInvariant() ?? string.Empty;
        if (s.Length != Length)
        {
            error = $"resident ID must have 18 characters, got {s.Length}";
            return false;
        }

        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(s[i]))
            {
                error = $"resident ID character {i + 1} is not a digit";
                return false;
            }
        }

        if (!DateOnly.TryParseExact(s.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            error = $"resident ID birth date {s.Substring(6, 8)} is not a date";
            return false;
        }

        var expected = CheckCharacter(s.AsSpan(0, 17));
        if (s[17] != expected)
        {
            error = $"resident ID check character is {s[17]}, expected {expected}";
            return false;
        }

        id = new IdNumber(s);
        error = null;
        return true;
    }

    /// <summary>The GB 11643 check character of the first 17 digits.</summary>
    public static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    public override string ToString() => Value;
}
