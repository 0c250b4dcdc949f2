using System.ComponentModel.DataAnnotations;

namespace Fangkong.SocialZero;

/// <summary>The <c>SocialZero</c> section: when a county or city reaches (basic) social-level zero.</summary>
public sealed class SocialZeroOptions
{
    public const string Section = SocialZeroSettings.Section;

    /// <summary>Consecutive days the status needs.</summary>
    [Range(1, 30)]
    public int Days { get; set; } = SocialZeroSettings.Default.Days;

    /// <summary>Basic zero: new social-level cases per 100,000 people below this each day.</summary>
    [Range(0d, 1000d, MinimumIsExclusive = true)]
    public double ThresholdPer100k { get; set; } = SocialZeroSettings.Default.ThresholdPer100k;

    public SocialZeroSettings Settings => new(Days, ThresholdPer100k);
}
