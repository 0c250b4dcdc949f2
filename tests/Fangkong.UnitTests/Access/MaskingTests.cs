using Fangkong.Access;
using Fangkong.Persons;
using Fangkong.Tests;

namespace Fangkong.UnitTests.Access;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("220204199001011237", "220204********123*")]
    [InlineData("22020419900101123X", "220204********123*")]
    [InlineData("220204900101123", "220204******123")]
    [InlineData("E12345678", "E1***5678")]
    [InlineData("1234", "****")]
    public void IdNumber_KeepsRegionAndSequence_HidesBirthDateAndCheckCharacter(string value, string expected) => Masking.IdNumber(value).ShouldBe(expected);

    [Fact]
    public void MaskedResidentId_LeavesEveryBirthDateEquallyPossible_TheCheckCharacterCannotNarrowAGuess()
    {
        // 220204 1985-03-12 001: with the check character shown, about one date in eleven would fit.
        var first17 = "22020419850312001";
        var masked = Masking.IdNumber(TestIdNumbers.Complete(first17));
        var days = 0;
        var fitting = 0;
        for (var day = new DateOnly(1900, 1, 1); day <= new DateOnly(2022, 12, 31); day = day.AddDays(1))
        {
            var guess = $"{masked[..6]}{day:yyyyMMdd}{masked[14..17]}";
            var full = TestIdNumbers.Complete(guess);
            days++;
            if (Enumerable.Range(0, 18).All(i => masked[i] == '*' || masked[i] == full[i]))
            {
                fitting++;
            }
        }

        fitting.ShouldBe(days);
    }

    [Theory]
    [InlineData("13912345678", "139****5678")]
    [InlineData(null, "")]
    [InlineData("12345", "*****")]
    public void Phone_KeepsPrefixAndLastFour(string? value, string expected) => Masking.Phone(value).ShouldBe(expected);

    [Fact]
    public void Jurisdiction_CoversItsSubtreeOnly()
    {
        var dadong = new Jurisdiction("w", "220204003", SeesFullIdentity: false);

        dadong.Covers("220204003001").ShouldBeTrue();
        dadong.Covers("220202001001").ShouldBeFalse();
        dadong.Covers("220204").ShouldBeFalse();
        Jurisdiction.System.Covers("110101001001").ShouldBeTrue();
    }
}
