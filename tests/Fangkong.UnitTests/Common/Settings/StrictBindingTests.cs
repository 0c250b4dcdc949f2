using Microsoft.Extensions.Options;

namespace Fangkong.UnitTests.Common.Settings;

/// <summary>
/// What the framework's binder lets through without a word is refused: a misspelt key, a value
/// that is not a number, a detector or a detector setting that does not exist.
/// </summary>
public sealed class StrictBindingTests
{
    [Fact]
    public void AMisspeltKey_IsRefused_NamingTheKeysTheSectionHas()
    {
        var refused = Should.Throw<OptionsValidationException>(() => OptionsRangeTests.Validate(("Clusters:WindwDays", "7")));

        refused.Message.ShouldContain("Clusters:WindwDays");
        refused.Message.ShouldContain("WindowDays, MinCases, DetectEveryMinutes");
    }

    [Theory]
    [InlineData("SocialZero:Days", "three", "整数", "1 to 30")]
    [InlineData("Clusters:WindowDays", "14.5", "整数", "1 to 60")]
    [InlineData("SocialZero:ThresholdPer100k", "1,5", "数字", "more than 0 up to 1000")]
    [InlineData("Supervision:Detectors:positive-pool-control:Hours", "two", "数字", "0.25 to 72")]
    [InlineData("Supervision:Detectors:positive-pool-control:Enabled", "no", "true 或 false", "true or false")]
    public void AValueThatIsNotANumber_IsRefused_NotReplacedByTheDefault(string key, string value, string kind, string range)
    {
        var refused = Should.Throw<OptionsValidationException>(() => OptionsRangeTests.Validate((key, value)));

        refused.Message.ShouldContain($"设置 {key} 的值「{value}」不是");
        refused.Message.ShouldContain(kind);
        refused.Message.ShouldContain($"可选：{range}");
    }

    [Fact]
    public void AnUnknownDetector_IsRefused_NamingTheKnownOnes()
    {
        var refused = Should.Throw<OptionsValidationException>(() => OptionsRangeTests.Validate(("Supervision:Detectors:round-coverag:MinShare", "0.9")));

        refused.Message.ShouldContain("Supervision:Detectors:round-coverag");
        refused.Message.ShouldContain("round-coverage");
    }

    [Fact]
    public void AnUnknownDetectorSetting_IsRefused_NamingTheDetectorsSettings()
    {
        var refused = Should.Throw<OptionsValidationException>(() => OptionsRangeTests.Validate(("Supervision:Detectors:round-coverage:MinShar", "0.9")));

        refused.Message.ShouldContain("Supervision:Detectors:round-coverage:MinShar");
        refused.Message.ShouldContain("Enabled, EveryMinutes, DeadlineHours, MinShare, LookbackDays");
    }

    [Fact]
    public void SeveralBadSettings_AreAllNamedInOneMessage()
    {
        var refused = Should.Throw<OptionsValidationException>(() => OptionsRangeTests.Validate(("Clusters:WindowDays", "0"), ("SocialZero:Days", "0")));

        refused.Message.ShouldContain("Clusters:WindowDays");
        refused.Message.ShouldContain("SocialZero:Days");
    }
}
