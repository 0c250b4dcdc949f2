using Fangkong.Persons;
using Fangkong.Tests;

namespace Fangkong.UnitTests.Persons;

/// <summary>
/// The GB 11643-1999 check character against answers that do not come from the product: the
/// standard's own examples, worked by hand below, and an independent ISO 7064 MOD 11-2.
/// </summary>
public sealed class IdNumberKnownAnswerTests
{
    // GB 11643-1999's examples. Weights of positions 1–17 are 2^(18-i) mod 11:
    //   7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2; the check C makes (Σ aᵢ·Wᵢ + C) ≡ 1 (mod 11).
    //
    // 11010519491231002X (北京市朝阳区, born 1949-12-31, sequence 002):
    //   1·7 + 1·9 + 0·10 + 1·5 + 0·8 + 5·4 + 1·2 + 9·1 + 4·6 + 9·3 + 1·7 + 2·9 + 3·10 + 1·5 + 0·8 + 0·4 + 2·2
    //   = 7 + 9 + 0 + 5 + 0 + 20 + 2 + 9 + 24 + 27 + 7 + 18 + 30 + 5 + 0 + 0 + 4 = 167 = 15·11 + 2,
    //   so 2 + C ≡ 1, C = 10, written X.
    // 440524188001010014 (广东省汕头市潮阳县, born 1880-01-01, sequence 001):
    //   4·7 + 4·9 + 0·10 + 5·5 + 2·8 + 4·4 + 1·2 + 8·1 + 8·6 + 0·3 + 0·7 + 1·9 + 0·10 + 1·5 + 0·8 + 0·4 + 1·2
    //   = 28 + 36 + 0 + 25 + 16 + 16 + 2 + 8 + 48 + 0 + 0 + 9 + 0 + 5 + 0 + 0 + 2 = 195 = 17·11 + 8,
    //   so 8 + C ≡ 1 (mod 11), C = 4.
    public static TheoryData<string> StandardExamples => new() { "11010519491231002X", "440524188001010014" };

    [Theory, MemberData(nameof(StandardExamples))]
    public void StandardExample_IsAccepted_WithItsPartsRead(string number)
    {
        IdNumber.TryParse(number, out var id, out var error).ShouldBeTrue(error);

        id.Value.ShouldBe(number);
        IdNumber.CheckCharacter(number.AsSpan(0, 17)).ShouldBe(number[17]);
    }

    [Theory, MemberData(nameof(StandardExamples))]
    public void StandardExample_WithAnyOtherCheckCharacter_IsRefused(string number)
    {
        foreach (var wrong in "0123456789X".Where(c => c != number[17]))
        {
            IdNumber.TryParse(number[..17] + wrong, out _, out var error).ShouldBeFalse($"{number[..17]}{wrong}");
            error.ShouldContain($"expected {number[17]}");
        }
    }

    [Theory, MemberData(nameof(StandardExamples))]
    public void IndependentMod11_2_GivesTheStandardsAnswers(string number) =>
        TestIdNumbers.Mod11_2(number[..17]).ShouldBe(number[17]);

    [Fact]
    public void LowerCaseX_IsAccepted_AsX()
    {
        IdNumber.TryParse("11010519491231002x", out var id, out var error).ShouldBeTrue(error);

        id.Value.ShouldBe("11010519491231002X");
    }

    [Fact]
    public void ProductAndIndependentMod11_2_Agree_OnEveryCheckCharacter()
    {
        // A thousand sequences of one birth date reach all eleven check characters many times over.
        var seen = new HashSet<char>();
        for (var sequence = 0; sequence < 1000; sequence++)
        {
            var first17 = TestIdNumbers.For("220204", "19850312", sequence)[..17];
            var expected = TestIdNumbers.Mod11_2(first17);
            IdNumber.CheckCharacter(first17).ShouldBe(expected, first17);
            seen.Add(expected);
        }

        seen.Count.ShouldBe(11);
    }
}
