using System.ComponentModel.DataAnnotations;

namespace Fangkong.Livelihood;

/// <summary>The <c>Livelihood</c> section: the clocks of residents' requests (docs/guide/residents-needs.md).</summary>
public sealed class LivelihoodOptions
{
    public const string Section = "Livelihood";

    /// <summary>A medical emergency must be answered within this many minutes of its receipt.</summary>
    [Range(5, 240)]
    public int EmergencyMinutes { get; set; } = 30;

    /// <summary>
    /// China-time hour after which a normal request is due at noon the next day rather than at
    /// midnight (事不过夜 with the night's few hours left to it): 22 means 22:00.
    /// </summary>
    [Range(12, 24)]
    public int LateHour { get; set; } = 22;

    /// <summary>The web host escalates overdue requests this often; 0 turns the job off.</summary>
    [Range(0, 1440)]
    public int SweepEveryMinutes { get; set; } = 5;
}
