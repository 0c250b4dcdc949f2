namespace Fangkong.Supervision.Inspections;

/// <summary>Kinds of inspection (督导检查).</summary>
public enum InspectionKind
{
    /// <summary>Announced and planned (计划检查).</summary>
    Scheduled,

    /// <summary>四不两直: no notice, no greeting, no briefing, no escort; straight to the grass roots and the scene.</summary>
    Unannounced,

    /// <summary>大排查: a sweep over every place of a kind in a region.</summary>
    BigInvestigation,

    /// <summary>回头看: goes back to check that findings were really rectified; the only kind that verifies them.</summary>
    FollowUpReview,
}

public enum InspectionStatus
{
    Planned,
    InProgress,
    Completed,
}

/// <summary>What an inspection looks at: a region as a whole, a key place, or a unit.</summary>
public enum InspectionTargetKind
{
    Region,
    Place,
    Organisation,
}

/// <summary>The types of target a checklist template is written for.</summary>
public enum ChecklistTargetType
{
    /// <summary>养老院封闭管理.</summary>
    NursingHome,

    /// <summary>医院院感防控 (yellow- and green-code patients kept apart).</summary>
    Hospital,

    /// <summary>采样点防护.</summary>
    SamplingPoint,

    /// <summary>集中隔离点.</summary>
    QuarantineSite,

    /// <summary>闭环管理企业.</summary>
    ClosedLoopEnterprise,

    /// <summary>卡点.</summary>
    Checkpoint,

    /// <summary>物资发放 (民生保供).</summary>
    SupplyDistribution,
}

/// <summary>The result of one checklist item.</summary>
public enum ItemOutcome
{
    Pass,
    Fail,
    NotApplicable,
}

/// <summary>Chinese names for the UI.</summary>
public static class InspectionText
{
    public static string Zh(InspectionKind kind) => kind switch
    {
        InspectionKind.Scheduled => "计划检查",
        InspectionKind.Unannounced => "暗访（四不两直）",
        InspectionKind.BigInvestigation => "大排查",
        InspectionKind.FollowUpReview => "回头看",
        _ => kind.ToString(),
    };

    public static string Zh(InspectionStatus status) => status switch
    {
        InspectionStatus.Planned => "待开展",
        InspectionStatus.InProgress => "检查中",
        InspectionStatus.Completed => "已完成",
        _ => status.ToString(),
    };

    public static string Zh(ItemOutcome outcome) => outcome switch
    {
        ItemOutcome.Pass => "符合",
        ItemOutcome.Fail => "不符合",
        ItemOutcome.NotApplicable => "不适用",
        _ => outcome.ToString(),
    };

    public static string Zh(ChecklistTargetType type) => type switch
    {
        ChecklistTargetType.NursingHome => "养老院封闭管理",
        ChecklistTargetType.Hospital => "医院院感防控",
        ChecklistTargetType.SamplingPoint => "采样点防护",
        ChecklistTargetType.QuarantineSite => "集中隔离点",
        ChecklistTargetType.ClosedLoopEnterprise => "闭环管理企业",
        ChecklistTargetType.Checkpoint => "卡点",
        ChecklistTargetType.SupplyDistribution => "物资发放",
        _ => type.ToString(),
    };
}
