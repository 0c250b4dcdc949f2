using System.ComponentModel.DataAnnotations;

namespace Fangkong.Areas;

/// <summary>The <c>Areas:Criteria</c> section: the day counts of the lifting criteria (DOMAIN §3), shared by areas and infection-free labels.</summary>
public sealed class AreaCriteriaOptions
{
    public const string Section = AreaCriteriaSettings.Section;

    /// <summary>Days without a new infection, and since the last close contact's exposure.</summary>
    [Range(1, 60)]
    public int CleanDays { get; set; } = AreaCriteriaSettings.Default.CleanDays;

    /// <summary>A full clean testing round within this many days.</summary>
    [Range(0, 14)]
    public int RoundWindowDays { get; set; } = AreaCriteriaSettings.Default.RoundWindowDays;

    /// <summary>9th edition: clean days (and the negative round) before high risk turns medium.</summary>
    [Range(1, 60)]
    public int HighRiskCleanDays { get; set; } = AreaCriteriaSettings.Default.HighRiskCleanDays;

    /// <summary>9th edition: further days before medium risk lifts to low.</summary>
    [Range(0, 60)]
    public int MediumRiskDays { get; set; } = AreaCriteriaSettings.Default.MediumRiskDays;

    public AreaCriteriaSettings Settings => new(CleanDays, RoundWindowDays, HighRiskCleanDays, MediumRiskDays);
}
