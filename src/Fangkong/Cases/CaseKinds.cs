namespace Fangkong.Cases;

/// <summary>确诊病例 or 无症状感染者.</summary>
public enum CaseType
{
    Confirmed,
    Asymptomatic,
}

/// <summary>The clinical type of a confirmed case: 轻型, 普通型, 重型, 危重型.</summary>
public enum Severity
{
    Mild,
    Moderate,
    Severe,
    Critical,
}

/// <summary>How a case came to be reported.</summary>
public enum CaseSource
{
    /// <summary>A member of a positive pool, positive on single-tube re-test.</summary>
    PositiveRetest,

    /// <summary>A positive single tube (1-in-1).</summary>
    SingleTube,

    /// <summary>Found at a hospital (fever clinic, admission screening).</summary>
    Hospital,

    /// <summary>境外输入: imported from abroad. The bulletin counts these apart from local (本土) cases.</summary>
    Import,

    /// <summary>Taken from a line list (一览表) without further detail.</summary>
    LineList,
}

/// <summary>治愈出院 (confirmed), 解除隔离医学观察 (asymptomatic), or 死亡.</summary>
public enum CaseOutcome
{
    Discharged,
    Released,
    Died,
}

/// <summary>密切接触者 or 次密切接触者.</summary>
public enum ContactKind
{
    Close,
    Secondary,
}
