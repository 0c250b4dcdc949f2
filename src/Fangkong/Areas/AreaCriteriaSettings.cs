namespace Fangkong.Areas;

/// <summary>
/// The day counts of the lifting criteria (DOMAIN §3): no new infection for <see cref="CleanDays"/>
/// days, the last close contact that many days past exposure, and a full round within the last
/// <see cref="RoundWindowDays"/> days. Settings, not constants: an edition or a city may change them.
/// </summary>
/// <param name="HighRiskCleanDays">9th edition: clean days (and the day of the negative round) before high risk turns medium.</param>
/// <param name="MediumRiskDays">9th edition: further days before medium risk lifts to low.</param>
public sealed record AreaCriteriaSettings(int CleanDays = 14, int RoundWindowDays = 2, int HighRiskCleanDays = 7, int MediumRiskDays = 3)
{
    public const string Section = "Areas:Criteria";

    public static AreaCriteriaSettings Default { get; } = new();

    /// <summary>Refuses day counts that make no sense (negative, or longer than an outbreak is tracked).</summary>
    public Common.Error? Check() =>
        CleanDays is < 1 or > 60 || RoundWindowDays is < 0 or > 14 || HighRiskCleanDays is < 1 or > 60 || MediumRiskDays is < 0 or > 60
            ? Common.Error.Invalid("criteria", Common.ErrorText.Of("error.areas.clean-days-lie-round-window", CleanDays, RoundWindowDays))
            : null;
}
