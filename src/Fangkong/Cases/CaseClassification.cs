using Fangkong.Access;

namespace Fangkong.Cases;

/// <summary>Where a case was found (社会面 or 管控范围内).</summary>
public enum DetectionLevel
{
    /// <summary>管控范围内发现: already under control when found.</summary>
    UnderControl,

    /// <summary>社会面发现: found among people moving freely.</summary>
    SocialLevel,
}

/// <summary>Why a case counts as found under control; <see cref="None"/> for a social-level case.</summary>
public enum ControlReason
{
    None,

    /// <summary>A known close or secondary contact in quarantine when reported.</summary>
    QuarantinedContact,

    /// <summary>Living in a sealed or controlled area (封控区/管控区) on the report day.</summary>
    ControlledArea,

    /// <summary>A member of a closed loop (闭环管理) on the report day.</summary>
    ClosedLoop,

    /// <summary>境外输入: in quarantine since arrival.</summary>
    Imported,
}

/// <summary>
/// A case's classification at detection, stored once when the case is reported (it is a fact of
/// that moment: a later quarantine record must not turn a social-level case into a controlled one).
/// Keyed by case number, scoped like the case. It lives in Cases because the daily bulletin
/// states where the day's cases were found, and Cases may not depend on SocialZero (which handles
/// <see cref="CasesReported"/> and writes this record).
/// </summary>
public sealed class CaseClassification : IRegionScoped
{
    public const int NoteMaxLength = 200;

    private CaseClassification()
    {
        CaseNo = string.Empty;
        RegionCode = string.Empty;
    }

    public CaseClassification(string caseNo, string regionCode, DateOnly reportedOn, DetectionLevel level, ControlReason reason, string? note, DateTimeOffset classifiedAt)
    {
        CaseNo = caseNo;
        RegionCode = regionCode;
        ReportedOn = reportedOn;
        Level = level;
        Reason = reason;
        Note = note is { Length: > NoteMaxLength } ? note[..NoteMaxLength] : note;
        ClassifiedAt = classifiedAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public string CaseNo { get; private set; }

    public string RegionCode { get; private set; }

    public DateOnly ReportedOn { get; private set; }

    public DetectionLevel Level { get; private set; }

    public ControlReason Reason { get; private set; }

    /// <summary>What was found: the contact number, the area, the loop.</summary>
    public string? Note { get; private set; }

    public DateTimeOffset ClassifiedAt { get; private set; }
}
