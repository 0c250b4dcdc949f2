using Fangkong.Access;

namespace Fangkong.UnitTests.Access;

public sealed class MaskingTests
{
    [Theory]
    [InlineData("220204199001011237", "220204********1237")]
    [InlineData("E12345678", "E1***5678")]
    [InlineData("1234", "****")]
    public void IdNumber_KeepsRegionAndLastFour(string value, string expected) => Masking.IdNumber(value).ShouldBe(expected);

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
