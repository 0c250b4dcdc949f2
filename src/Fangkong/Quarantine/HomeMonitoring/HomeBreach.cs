using Fangkong.Access;

namespace Fangkong.Quarantine.HomeMonitoring;

/// <summary>
/// A person under home watch left home (脱离管控). Seed 000: a village official knew that her
/// brother, under home quarantine, drove out to fetch a pupil, and did not report it; so the
/// record keeps when it happened and when it was reported, and the delay between them is what
/// supervision reads.
/// </summary>
public sealed class HomeBreach : IRegionScoped
{
    public const int DescriptionMaxLength = 500;
    public const int ReporterMaxLength = 100;

    private HomeBreach()
    {
        RegionCode = string.Empty;
        Description = string.Empty;
        ReportedBy = string.Empty;
        RecordedBy = string.Empty;
    }

    public HomeBreach(
        long watchId, string regionCode, DateTimeOffset occurredAt, DateTimeOffset reportedAt, string description, string reportedBy,
        string recordedBy, DateTimeOffset recordedAt)
    {
        WatchId = watchId;
        RegionCode = regionCode;
        OccurredAt = occurredAt.ToUniversalTime();
        ReportedAt = reportedAt.ToUniversalTime();
        Description = description;
        ReportedBy = reportedBy;
        RecordedBy = recordedBy;
        RecordedAt = recordedAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public long WatchId { get; private set; }

    public string RegionCode { get; private set; }

    /// <summary>When the person left home (as far as it is known).</summary>
    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>When the community reported it upward (to the township's control office).</summary>
    public DateTimeOffset ReportedAt { get; private set; }

    public string Description { get; private set; }

    /// <summary>Who reported it (a name or post, in words).</summary>
    public string ReportedBy { get; private set; }

    /// <summary>The user who entered it.</summary>
    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }

    public TimeSpan Delay => ReportedAt - OccurredAt;

    /// <summary>True when the report came later than <paramref name="deadline"/> after the breach.</summary>
    public bool IsLate(TimeSpan deadline) => Delay > deadline;
}
