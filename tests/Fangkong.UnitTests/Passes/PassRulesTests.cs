using Fangkong.Passes;

namespace Fangkong.UnitTests.Passes;

public sealed class PassRulesTests
{
    [Theory]
    [InlineData("吉B12345", "吉B12345")]
    [InlineData("吉b·12345", "吉B12345")]
    [InlineData("吉B D12345", "吉BD12345")]
    [InlineData("京AF1234挂", null)]
    [InlineData("吉B1234挂", "吉B1234挂")]
    [InlineData("吉BI2345", null)]
    [InlineData("吉B1234", null)]
    [InlineData("XB12345", null)]
    [InlineData("吉812345", null)]
    [InlineData("吉B1234567", null)]
    public void VehiclePlate_ChinesePlates_AreNormalisedAndOthersRefused(string text, string? expected)
    {
        var ok = VehiclePlate.TryNormalise(text, out var plate);

        ok.ShouldBe(expected is not null);
        plate.ShouldBe(expected);
    }

    [Theory]
    [InlineData(new[] { "220204" }, ApprovalLevel.County)]
    [InlineData(new[] { "220204003", "220204003001" }, ApprovalLevel.County)]
    [InlineData(new[] { "220204", "220202" }, ApprovalLevel.City)]
    [InlineData(new[] { "220204003", "220202001" }, ApprovalLevel.City)]
    [InlineData(new[] { "2202" }, ApprovalLevel.City)]
    public void ApprovalLevel_PassAcrossCounties_NeedsTheCity(string[] regions, ApprovalLevel expected) =>
        Pass.LevelFor(regions).ShouldBe(expected);

    [Fact]
    public void DistanceKm_JilinCityToChangchun_IsAbout95Km()
    {
        var km = Checkpoint.DistanceKm(43.8378, 126.5494, 43.8171, 125.3235);

        km.ShouldNotBeNull();
        km.Value.ShouldBeInRange(95, 105);
        Checkpoint.DistanceKm(43.8, null, 43.8, 125.3).ShouldBeNull();
    }
}
