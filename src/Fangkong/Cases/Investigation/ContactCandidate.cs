using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Cases.Investigation;

/// <summary>Why Fangkong proposed someone as a contact of a case.</summary>
public enum CandidateReason
{
    /// <summary>同户: the same household number, or the same room of the same unit.</summary>
    Household,

    /// <summary>同单元: the same unit (staircase) of the same building.</summary>
    BuildingUnit,

    /// <summary>同管混采: sampled in the same pooled tube within the look-back window.</summary>
    PoolTube,

    /// <summary>同场所扫码: checked in at the same place near the case's own check-in.</summary>
    CheckIn,

    /// <summary>密接同户: lives with a confirmed close contact (a secondary-contact candidate).</summary>
    CloseContactHousehold,
}

/// <summary>Proposed, then confirmed as a close contact or dismissed by the investigator.</summary>
public enum CandidateStatus
{
    Proposed,
    Confirmed,
    Dismissed,
}

/// <summary>
/// A person Fangkong proposes as a close contact of a case, with every reason it found (one
/// row per person and case, however many sources name them). Only the investigator turns a
/// candidate into a contact; a dismissed candidate stays dismissed when the sources are read again.
/// </summary>
public sealed class ContactCandidate : IRegionScoped
{
    public const int DetailMaxLength = 1000;
    public const int DismissReasonMaxLength = 200;

    private ContactCandidate()
    {
        CaseNo = string.Empty;
        IdNumber = string.Empty;
        Name = string.Empty;
        RegionCode = string.Empty;
        PersonRegionCode = string.Empty;
        Reasons = string.Empty;
        Detail = string.Empty;
    }

    public ContactCandidate(
        CaseInvestigation investigation, long? personId, string idNumber, string name, string personRegionCode, DateTimeOffset proposedAt, string? sourceContactNo = null)
    {
        ArgumentNullException.ThrowIfNull(investigation);
        InvestigationId = investigation.Id;
        CaseNo = investigation.CaseNo;
        RegionCode = investigation.RegionCode;
        PersonId = personId;
        IdNumber = idNumber;
        Name = name;
        PersonRegionCode = personRegionCode;
        Reasons = string.Empty;
        Detail = string.Empty;
        ProposedAt = proposedAt.ToUniversalTime();
        Status = CandidateStatus.Proposed;
        Kind = sourceContactNo is null ? ContactKind.Close : ContactKind.Secondary;
        SourceContactNo = sourceContactNo;
    }

    public long Id { get; private set; }

    public long InvestigationId { get; private set; }

    public string CaseNo { get; private set; }

    /// <summary>The case's region (jurisdiction follows the case).</summary>
    public string RegionCode { get; private set; }

    public long? PersonId { get; private set; }

    public string IdNumber { get; private set; }

    public string Name { get; private set; }

    /// <summary>Where the person lives (or the case's region for an unregistered visitor): the confirmed contact's region.</summary>
    public string PersonRegionCode { get; private set; }

    /// <summary>The reason kinds, comma-separated in <see cref="CandidateReason"/> order.</summary>
    public string Reasons { get; private set; }

    /// <summary>What each source found, one line each.</summary>
    public string Detail { get; private set; }

    /// <summary>The latest day of exposure the sources show, if any.</summary>
    public DateOnly? LastExposureOn { get; private set; }

    public DateTimeOffset ProposedAt { get; private set; }

    public CandidateStatus Status { get; private set; }

    public string? DecidedBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DismissReason { get; private set; }

    /// <summary>The contact created on confirmation.</summary>
    public string? ContactNo { get; private set; }

    /// <summary>Close (of the case) or secondary (of <see cref="SourceContactNo"/>, a confirmed close contact).</summary>
    public ContactKind Kind { get; private set; }

    /// <summary>For a secondary-contact candidate: the close contact it lives with.</summary>
    public string? SourceContactNo { get; private set; }

    public IReadOnlyList<CandidateReason> ReasonList =>
        Reasons.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<CandidateReason>).ToList();

    /// <summary>Sets what the sources say now; a decided candidate keeps the reasons it was decided on.</summary>
    public bool SetFindings(IEnumerable<CandidateReason> reasons, IEnumerable<string> details, DateOnly? lastExposureOn, string? sourceContactNo = null)
    {
        if (Status != CandidateStatus.Proposed)
        {
            return false;
        }

        // A proposal can turn from secondary to close (or back) as the sources change; a decision cannot.
        Kind = sourceContactNo is null ? ContactKind.Close : ContactKind.Secondary;
        SourceContactNo = sourceContactNo;

        var kinds = string.Join(',', reasons.Distinct().Order());
        var text = string.Join('\n', details);
        if (text.Length > DetailMaxLength)
        {
            text = string.Concat(text.AsSpan(0, DetailMaxLength - 1), "…");
        }

        var changed = kinds != Reasons || text != Detail || lastExposureOn != LastExposureOn;
        Reasons = kinds;
        Detail = text;
        LastExposureOn = lastExposureOn;
        return changed;
    }

    public Result<bool> Confirm(string contactNo, string by, DateTimeOffset at)
    {
        if (Status != CandidateStatus.Proposed)
        {
            return Error.Conflict(ErrorText.Of("error.cases.candidate-already", (Status == CandidateStatus.Confirmed ? "确认" : "排除"), Status.ToString().ToLowerInvariant()));
        }

        Status = CandidateStatus.Confirmed;
        ContactNo = contactNo;
        DecidedBy = by;
        DecidedAt = at.ToUniversalTime();
        return true;
    }

    public Result<bool> Dismiss(string? reason, string by, DateTimeOffset at)
    {
        var why = reason?.Trim() ?? string.Empty;
        if (why.Length is 0 or > DismissReasonMaxLength)
        {
            return Error.Invalid("reason", ErrorText.Of("error.cases.dismissal-needs-reason-characters", DismissReasonMaxLength));
        }

        if (Status != CandidateStatus.Proposed)
        {
            return Error.Conflict(ErrorText.Of("error.cases.candidate-already", (Status == CandidateStatus.Confirmed ? "确认" : "排除"), Status.ToString().ToLowerInvariant()));
        }

        Status = CandidateStatus.Dismissed;
        DismissReason = why;
        DecidedBy = by;
        DecidedAt = at.ToUniversalTime();
        return true;
    }
}
