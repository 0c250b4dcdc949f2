using System.ComponentModel.DataAnnotations;

namespace Fangkong.Cases.Investigation;

/// <summary>The <c>Investigation</c> section: the contact-candidate search.</summary>
public sealed class InvestigationOptions
{
    public const string Section = "Investigation";

    /// <summary>Two scans at the same place at most this many minutes apart (either way) count as an overlap.</summary>
    [Range(1, 24 * 60)]
    public int CheckInOverlapMinutes { get; set; } = (int)CandidateSettings.Default.CheckInOverlap.TotalMinutes;

    public CandidateSettings Settings => CandidateSettings.Default with { CheckInOverlap = TimeSpan.FromMinutes(CheckInOverlapMinutes) };
}
