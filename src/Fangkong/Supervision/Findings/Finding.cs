using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Supervision.Inspections;

namespace Fangkong.Supervision.Findings;

/// <summary>
/// A problem found by supervision (问题): from a failed checklist item, a resident's complaint or
/// a detector. It always has an owner — the responsible unit and the official answerable for it —
/// and a deadline, because a problem nobody owns is never rectified. Open → rectification
/// submitted → verified by a follow-up review (回头看); a rejected rectification sends it back to
/// Open. An open finding past its deadline is escalated to the region above, one level per
/// escalation. Scoped to the responsible unit's region.
/// </summary>
public sealed class Finding : IRegionScoped
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 2000;
    public const int NameMaxLength = 100;
    public const int ByMaxLength = 256;
    public const int DetectorKeyMaxLength = 64;
    public const int DedupeKeyMaxLength = 200;
    public const int ComplaintRefMaxLength = 64;
    public const int RectificationMaxLength = 2000;
    public const int NoteMaxLength = 500;

    private Finding()
    {
        RegionCode = string.Empty;
        Title = string.Empty;
        Description = string.Empty;
        ResponsibleUnit = string.Empty;
        ResponsiblePerson = string.Empty;
        RaisedBy = string.Empty;
    }

    /// <summary>What a new finding needs; <see cref="Raise"/> refuses what is missing.</summary>
    public sealed record Draft(
        FindingSource Source,
        string RegionCode,
        string Title,
        string? Description,
        FindingCategory Category,
        FindingSeverity Severity,
        long? ResponsibleOrganisationId,
        string? ResponsibleUnit,
        long? ResponsibleOfficialId,
        string? ResponsiblePerson,
        DateTimeOffset? Deadline,
        string RaisedBy,
        DateTimeOffset RaisedAt,
        long? InspectionId = null,
        long? InspectionResultId = null,
        string? ComplaintRef = null,
        string? DetectorKey = null,
        string? DedupeKey = null);

    public long Id { get; private set; }

    /// <summary>The responsible unit's region: who sees the finding and which region is above it.</summary>
    public string RegionCode { get; private set; }

    public FindingSource Source { get; private set; }

    public long? InspectionId { get; private set; }

    /// <summary>The failed checklist item's result, for a finding from an inspection.</summary>
    public long? InspectionResultId { get; private set; }

    /// <summary>The complaint or hotline ticket number, for a finding from a resident.</summary>
    public string? ComplaintRef { get; private set; }

    public string? DetectorKey { get; private set; }

    /// <summary>What the detector saw, as a key: unique, so that the same problem is never raised twice.</summary>
    public string? DedupeKey { get; private set; }

    public string Title { get; private set; }

    public string Description { get; private set; }

    public FindingCategory Category { get; private set; }

    public FindingSeverity Severity { get; private set; }

    public long ResponsibleOrganisationId { get; private set; }

    /// <summary>The unit's name when the finding was raised (the notice names it even if the unit is renamed).</summary>
    public string ResponsibleUnit { get; private set; }

    public long ResponsibleOfficialId { get; private set; }

    /// <summary>The official's name and post when the finding was raised.</summary>
    public string ResponsiblePerson { get; private set; }

    public DateTimeOffset Deadline { get; private set; }

    public FindingStatus Status { get; private set; }

    public string RaisedBy { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public string? Rectification { get; private set; }

    public string? RectifiedBy { get; private set; }

    public DateTimeOffset? RectifiedAt { get; private set; }

    /// <summary>How many rectifications were rejected.</summary>
    public int Rejections { get; private set; }

    public string? VerifiedBy { get; private set; }

    public DateTimeOffset? VerifiedAt { get; private set; }

    /// <summary>The follow-up review (回头看) that verified the rectification.</summary>
    public long? VerifiedByInspectionId { get; private set; }

    /// <summary>0 while with its own unit; each escalation to the region above adds one.</summary>
    public int EscalationLevel { get; private set; }

    /// <summary>The region the finding was last escalated to.</summary>
    public string? EscalatedTo { get; private set; }

    public DateTimeOffset? EscalatedAt { get; private set; }

    /// <summary>Open and past its deadline: the only state that escalates.</summary>
    public bool IsOverdueAt(DateTimeOffset now) => Status == FindingStatus.Open && now > Deadline;

    public static Result<Finding> Raise(Draft d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var title = d.Title?.Trim() ?? string.Empty;
        if (title.Length is 0 or > TitleMaxLength)
        {
            return Error.Invalid("title", ErrorText.Of("error.supervision.title-characters-needed", TitleMaxLength));
        }

        var description = d.Description?.Trim() ?? string.Empty;
        if (description.Length > DescriptionMaxLength)
        {
            return Error.Invalid("description", ErrorText.Of("error.supervision.description-most-characters", DescriptionMaxLength));
        }

        if (d.ResponsibleOrganisationId is not > 0 || string.IsNullOrWhiteSpace(d.ResponsibleUnit) || d.ResponsibleUnit.Trim().Length > NameMaxLength)
        {
            return Error.Invalid("responsibleOrganisationId", ErrorText.Of("error.supervision.finding-needs-responsible-unit"));
        }

        if (d.ResponsibleOfficialId is not > 0 || string.IsNullOrWhiteSpace(d.ResponsiblePerson) || d.ResponsiblePerson.Trim().Length > NameMaxLength)
        {
            return Error.Invalid("responsibleOfficialId", ErrorText.Of("error.supervision.finding-needs-responsible-official"));
        }

        if (d.Deadline is not { } deadline)
        {
            return Error.Invalid("deadline", ErrorText.Of("error.supervision.finding-needs-deadline"));
        }

        if (deadline <= d.RaisedAt)
        {
            return Error.Invalid("deadline", ErrorText.Of("error.supervision.deadline-after-finding-raised"));
        }

        if (RegionCodeError(d.RegionCode) is { } region)
        {
            return region;
        }

        if (SourceError(d) is { } source)
        {
            return source;
        }

        return new Finding
        {
            RegionCode = d.RegionCode,
            Source = d.Source,
            InspectionId = d.InspectionId,
            InspectionResultId = d.InspectionResultId,
            ComplaintRef = d.ComplaintRef?.Trim(),
            DetectorKey = d.DetectorKey,
            DedupeKey = d.DedupeKey,
            Title = title,
            Description = description,
            Category = d.Category,
            Severity = d.Severity,
            ResponsibleOrganisationId = d.ResponsibleOrganisationId.Value,
            ResponsibleUnit = d.ResponsibleUnit.Trim(),
            ResponsibleOfficialId = d.ResponsibleOfficialId.Value,
            ResponsiblePerson = d.ResponsiblePerson.Trim(),
            Deadline = deadline.ToUniversalTime(),
            Status = FindingStatus.Open,
            RaisedBy = d.RaisedBy,
            RaisedAt = d.RaisedAt.ToUniversalTime(),
        };
    }

    /// <summary>The responsible unit reports what it did (整改情况).</summary>
    public Error? SubmitRectification(string? text, string by, DateTimeOffset at)
    {
        var report = text?.Trim() ?? string.Empty;
        if (report.Length is 0 or > RectificationMaxLength)
        {
            return Error.Invalid("rectification", ErrorText.Of("error.supervision.rectification-report-characters-needed", RectificationMaxLength));
        }

        if (Status != FindingStatus.Open)
        {
            return Error.Conflict(ErrorText.Of("error.supervision.finding-only-open-finding-takes", Id, FindingText.Zh(Status), Status));
        }

        Status = FindingStatus.RectificationSubmitted;
        Rectification = report;
        RectifiedBy = by;
        RectifiedAt = at.ToUniversalTime();
        return null;
    }

    /// <summary>A follow-up review (回头看) confirms the rectification: the finding is closed (销号).</summary>
    public Error? Verify(Inspection review, string by, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.Kind != InspectionKind.FollowUpReview)
        {
            return Error.Conflict(ErrorText.Of("error.supervision.only-follow-up-review-verifies", review.Id, InspectionText.Zh(review.Kind), review.Kind));
        }

        if (!RegionCode.StartsWith(review.RegionCode, StringComparison.Ordinal))
        {
            return Error.Conflict(ErrorText.Of("error.supervision.follow-up-review-does-not", review.Id, Id));
        }

        if (review.Status == InspectionStatus.Planned)
        {
            return Error.Conflict(ErrorText.Of("error.supervision.follow-up-review-not-started", review.Id));
        }

        if (Status != FindingStatus.RectificationSubmitted)
        {
            return Error.Conflict(ErrorText.Of("error.supervision.finding-there-no-submitted-rectification", Id, FindingText.Zh(Status), Status));
        }

        Status = FindingStatus.Verified;
        VerifiedBy = by;
        VerifiedAt = at.ToUniversalTime();
        VerifiedByInspectionId = review.Id;
        return null;
    }

    /// <summary>The rectification is not accepted: back to Open, with the deadline it had.</summary>
    public Error? Reject(string? note)
    {
        if (string.IsNullOrWhiteSpace(note) || note.Trim().Length > NoteMaxLength)
        {
            return Error.Invalid("note", ErrorText.Of("error.supervision.reason-characters-needed", NoteMaxLength));
        }

        if (Status != FindingStatus.RectificationSubmitted)
        {
            return Error.Conflict(ErrorText.Of("error.supervision.finding-there-no-submitted-rectification-2", Id, FindingText.Zh(Status), Status));
        }

        Status = FindingStatus.Open;
        Rejections++;
        return null;
    }

    /// <summary>Moves the finding up to <paramref name="parentRegion"/> (督办): only an overdue one.</summary>
    public Error? Escalate(string parentRegion, DateTimeOffset at)
    {
        if (!IsOverdueAt(at))
        {
            return Error.Conflict(ErrorText.Of("error.supervision.finding-not-overdue", Id));
        }

        var current = EscalatedTo ?? RegionCode;
        if (parentRegion.Length >= current.Length || !current.StartsWith(parentRegion, StringComparison.Ordinal))
        {
            return Error.Conflict(ErrorText.Of("error.supervision.not-above", parentRegion, current));
        }

        EscalationLevel++;
        EscalatedTo = parentRegion;
        EscalatedAt = at.ToUniversalTime();
        return null;
    }

    private static Error? RegionCodeError(string? region) =>
        Regions.RegionCode.Normalise(region) == region && region is not null
            ? null
            : Error.Invalid("regionCode", ErrorText.Of("error.testing.not-region-code", region));

    private static Error? SourceError(Draft d) => d.Source switch
    {
        FindingSource.Inspection when d.InspectionId is null =>
            Error.Invalid("inspectionId", ErrorText.Of("error.supervision.finding-from-inspection-names-inspection")),
        FindingSource.Complaint when string.IsNullOrWhiteSpace(d.ComplaintRef) || d.ComplaintRef.Trim().Length > ComplaintRefMaxLength =>
            Error.Invalid("complaintRef", ErrorText.Of("error.supervision.finding-from-complaint-names-complaint")),
        FindingSource.Detector when string.IsNullOrWhiteSpace(d.DetectorKey) || string.IsNullOrWhiteSpace(d.DedupeKey)
            || d.DetectorKey.Length > DetectorKeyMaxLength || d.DedupeKey.Length > DedupeKeyMaxLength =>
            Error.Invalid("dedupeKey", ErrorText.Of("error.supervision.detector-finding-needs-detector-key")),
        _ => null,
    };
}
