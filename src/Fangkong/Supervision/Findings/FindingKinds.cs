namespace Fangkong.Supervision.Findings;

/// <summary>Where a finding (问题) came from.</summary>
public enum FindingSource
{
    /// <summary>A failed checklist item of an inspection (督导检查发现).</summary>
    Inspection,

    /// <summary>A resident's complaint or hotline request (群众投诉).</summary>
    Complaint,

    /// <summary>Raised by a detector from the records (系统预警), with its detector key and dedupe key.</summary>
    Detector,
}

/// <summary>What a finding is about.</summary>
public enum FindingCategory
{
    /// <summary>封闭管理 (nursing homes, closed-loop enterprises, schools).</summary>
    ClosedManagement,

    /// <summary>院感防控 (hospital infection control, separation of yellow- and green-code patients).</summary>
    InfectionControl,

    /// <summary>核酸检测 (sampling points, coverage of rounds).</summary>
    Testing,

    /// <summary>混管追踪、流调 (tracing of positive pools and contacts).</summary>
    Tracing,

    /// <summary>隔离管控 (quarantine sites, control orders).</summary>
    Quarantine,

    /// <summary>卡点 (checkpoints and passes).</summary>
    Checkpoint,

    /// <summary>民生保供 (supply distribution).</summary>
    Supplies,

    /// <summary>信息报送 (late, hidden or false figures: 瞒报迟报谎报).</summary>
    Reporting,

    Other,
}

/// <summary>How serious a finding is: 一般 / 较重 / 严重.</summary>
public enum FindingSeverity
{
    Minor,
    Major,
    Serious,
}

/// <summary>
/// Open → RectificationSubmitted → Verified (by a follow-up review, 回头看); a rejected
/// rectification sends the finding back to Open.
/// </summary>
public enum FindingStatus
{
    Open,
    RectificationSubmitted,
    Verified,
}

/// <summary>Chinese names for the UI and the notices.</summary>
public static class FindingText
{
    public static string Zh(FindingStatus status) => status switch
    {
        FindingStatus.Open => "待整改",
        FindingStatus.RectificationSubmitted => "已提交整改",
        FindingStatus.Verified => "已验收销号",
        _ => status.ToString(),
    };

    public static string Zh(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Minor => "一般",
        FindingSeverity.Major => "较重",
        FindingSeverity.Serious => "严重",
        _ => severity.ToString(),
    };

    public static string Zh(FindingSource source) => source switch
    {
        FindingSource.Inspection => "督导检查",
        FindingSource.Complaint => "群众投诉",
        FindingSource.Detector => "系统预警",
        _ => source.ToString(),
    };

    public static string Zh(FindingCategory category) => category switch
    {
        FindingCategory.ClosedManagement => "封闭管理",
        FindingCategory.InfectionControl => "院感防控",
        FindingCategory.Testing => "核酸检测",
        FindingCategory.Tracing => "追踪管控",
        FindingCategory.Quarantine => "隔离管控",
        FindingCategory.Checkpoint => "卡点管理",
        FindingCategory.Supplies => "民生保供",
        FindingCategory.Reporting => "信息报送",
        FindingCategory.Other => "其他",
        _ => category.ToString(),
    };
}
