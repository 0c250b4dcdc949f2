using Fangkong.Regions;

namespace Fangkong.UnitTests.Regions;

public sealed class RegionCodeTests
{
    [Theory]
    [InlineData("22", "22", RegionLevel.Province)]
    [InlineData("2202", "2202", RegionLevel.City)]
    [InlineData("220204", "220204", RegionLevel.County)]
    [InlineData("220204003", "220204003", RegionLevel.Township)]
    [InlineData("220204003001", "220204003001", RegionLevel.Community)]
    [InlineData("220000", "22", RegionLevel.Province)]
    [InlineData("220100", "2201", RegionLevel.City)]
    [InlineData("220581", "220581", RegionLevel.County)]
    [InlineData("220204000000", "220204", RegionLevel.County)]
    [InlineData("220204003000", "220204003", RegionLevel.Township)]
    [InlineData(" 2202 ", "2202", RegionLevel.City)]
    public void Parse_AcceptsShortAndPaddedForms(string text, string expected, RegionLevel level)
    {
        var code = RegionCode.Parse(text);
        code.Value.ShouldBe(expected);
        code.Level.ShouldBe(level);
    }

    [Theory]
    [InlineData("")]
    [InlineData("2")]
    [InlineData("22020")]
    [InlineData("22a204")]
    [InlineData("2202040030011")]
    [InlineData("000000")]
    [InlineData(null)]
    public void Parse_RefusesWhatIsNotACode(string? text)
    {
        RegionCode.TryParse(text, out _).ShouldBeFalse();
        if (text is not null)
        {
            Should.Throw<FormatException>(() => RegionCode.Parse(text)).Message.ShouldContain("not a region code");
        }
    }

    [Fact]
    public void Parent_IsThePrefixOfTheLevelAbove()
    {
        RegionCode.Parse("220204003001").Parent!.Value.ShouldBe("220204003");
        RegionCode.Parse("220204003").Parent!.Value.ShouldBe("220204");
        RegionCode.Parse("220204").Parent!.Value.ShouldBe("2202");
        RegionCode.Parse("2202").Parent!.Value.ShouldBe("22");
        RegionCode.Parse("22").Parent.ShouldBeNull();
        RegionCode.Parse("220204003001").IsWithin(RegionCode.Parse("2202")).ShouldBeTrue();
        RegionCode.Parse("220202001001").IsWithin(RegionCode.Parse("220204")).ShouldBeFalse();
    }

    [Theory]
    [InlineData("220581", "220581")]
    [InlineData("220581100201", "220581")]
    [InlineData("220582", "2205")]
    [InlineData("220204003", "2202")]
    [InlineData("2202", "2202")]
    [InlineData("22", "22")]
    public void ReportingUnit_IsTheCity_UnlessTheCountyReportsOnItsOwnLine(string code, string unit) =>
        ReportingUnits.ReportingUnitOf(RegionCode.Parse(code), ReportingUnits.Defaults).Value.ShouldBe(unit);

    [Theory]
    [InlineData("220204003001", "220204003")]
    [InlineData("220204003", "220204")]
    [InlineData("220204", "2202")]
    [InlineData("2202", "22")]
    [InlineData("22", "")]
    [InlineData("2202040", "")]
    public void ParentOf_GoesUpOneLevel_AndEndsAboveTheProvince(string code, string parent) =>
        RegionCode.ParentOf(code).ShouldBe(parent);

    [Theory]
    [InlineData("220204003001,220204003002", "220204003")]
    [InlineData("220204003001,220204004001", "220204")]
    [InlineData("220204003001,220202001001", "2202")]
    [InlineData("220204003001", "220204003001")]
    [InlineData("220204003001,230102001001", "")]
    public void CommonAncestor_IsTheSmallestWholeRegionHoldingEveryCode(string codes, string ancestor) =>
        RegionCode.CommonAncestor(codes.Split(',')).ShouldBe(ancestor);
}
