using Fangkong.Access;

namespace Fangkong.Supervision.Findings;

/// <summary>What happened to a finding, in order: raised, rectification submitted, verified, rejected, escalated, evidence added.</summary>
public enum FindingAction
{
    Raised,
    RectificationSubmitted,
    Verified,
    Rejected,
    Escalated,
    EvidenceAdded,
}

/// <summary>One step in a finding's history, kept for the accountability file (问责材料).</summary>
public sealed class FindingEvent : IRegionScoped
{
    private FindingEvent()
    {
        RegionCode = string.Empty;
        By = string.Empty;
    }

    public FindingEvent(Finding finding, FindingAction action, string by, DateTimeOffset at, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(finding);
        FindingId = finding.Id;
        RegionCode = finding.RegionCode;
        Action = action;
        By = by;
        At = at.ToUniversalTime();
        Note = note is { Length: > Finding.NoteMaxLength } n ? n[..Finding.NoteMaxLength] : note;
    }

    public long Id { get; private set; }

    public long FindingId { get; private set; }

    public string RegionCode { get; private set; }

    public FindingAction Action { get; private set; }

    public string By { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string? Note { get; private set; }
}
