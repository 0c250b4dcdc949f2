namespace Fangkong.Accountability;

/// <summary>
/// The measures an accountability case may decide (DOMAIN §7). The numeric order is the
/// catalogue's: party discipline from least to most severe, then the accountability measures
/// (通报, 诫勉, the organisational measures), then government sanctions, then the employing unit's own sanctions. A person's measures are
/// always kept and printed in this order. Stored by name, never by number.
/// </summary>
public enum SanctionMeasure
{
    PartyWarning = 100,
    PartySeriousWarning = 110,
    PartyPostRemoval = 120,
    PartyProbation = 130,
    PartyExpulsion = 140,

    Notice = 200,
    Admonition = 210,
    SuspensionForInspection = 220,
    PostAdjustment = 230,
    OrderedResignation = 240,
    Dismissal = 250,
    Demotion = 260,

    GovernmentWarning = 300,
    GovernmentDemerit = 310,
    GovernmentMajorDemerit = 320,
    GovernmentDowngrade = 330,
    GovernmentRemoval = 340,
    GovernmentExpulsion = 350,

    // The employing unit's own sanctions (事业单位工作人员处分规定, 国有企业管理人员处分条例 and the
    // like): a school's staff member "受到警告处分" is neither party discipline nor 政务处分.
    UnitWarning = 400,
    UnitDemerit = 410,
    UnitDowngrade = 420,
    UnitExpulsion = 430,
}

/// <summary>The four families of the catalogue.</summary>
public enum SanctionFamily
{
    /// <summary>党纪处分.</summary>
    PartyDiscipline,

    /// <summary>问责 (通报, 诫勉, 组织处理).</summary>
    Accountability,

    /// <summary>政务处分.</summary>
    GovernmentSanction,

    /// <summary>The employing unit's own 处分 (警告, 记过, 降低岗位等级, 开除), worded without a family prefix.</summary>
    UnitSanction,
}
