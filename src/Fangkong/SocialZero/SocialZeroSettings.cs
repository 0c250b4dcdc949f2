namespace Fangkong.SocialZero;

/// <summary>
/// 社会面清零 (Shanghai 2022-05, DOMAIN §3): "basic zero" after <see cref="Days"/> consecutive days
/// with new social-level cases below <see cref="ThresholdPer100k"/> per 100,000 people; "zero"
/// after as many days with none. Settings (<c>SocialZero:Days</c>, <c>SocialZero:ThresholdPer100k</c>).
/// </summary>
public sealed record SocialZeroSettings(int Days = 3, double ThresholdPer100k = 1.0)
{
    public const string Section = "SocialZero";

    public static SocialZeroSettings Default { get; } = new();

    public Common.Error? Check() =>
        Days is < 1 or > 30 || ThresholdPer100k is <= 0 or > 1000 || double.IsNaN(ThresholdPer100k)
            ? Common.Error.Invalid("settings", Common.ErrorText.Of("error.social-zero.days-lie-threshold-above", Days, ThresholdPer100k))
            : null;
}

/// <summary>The status of a county or city on a day.</summary>
public enum SocialZeroStatus
{
    /// <summary>未达到.</summary>
    None,

    /// <summary>社会面基本清零.</summary>
    BasicZero,

    /// <summary>社会面清零.</summary>
    Zero,
}
