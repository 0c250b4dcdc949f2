using System.ComponentModel.DataAnnotations;

namespace Fangkong.Passes;

/// <summary>The <c>Passes:Abuse</c> section: thresholds of the pass abuse checks.</summary>
public sealed class AbuseOptions
{
    public const string Section = "Passes:Abuse";

    /// <summary>Two scans of one pass farther apart than this many kilometres…</summary>
    [Range(0d, 5000d, MinimumIsExclusive = true)]
    public double DistanceKm { get; set; } = new AbuseSettings().DistanceKm;

    /// <summary>…within this many minutes are flagged.</summary>
    [Range(1, 24 * 60)]
    public int Minutes { get; set; } = new AbuseSettings().Minutes;

    /// <summary>How far back the scan log is read, in hours.</summary>
    [Range(1, 31 * 24)]
    public int LookBackHours { get; set; } = new AbuseSettings().LookBackHours;

    public AbuseSettings Settings => new() { DistanceKm = DistanceKm, Minutes = Minutes, LookBackHours = LookBackHours };
}
