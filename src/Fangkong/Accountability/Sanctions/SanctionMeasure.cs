namespace Fangkong.Accountability;

/// <summary>
/// The measures an accountability case may decide (DOMAIN §7). The numeric order is the
/// catalogue's: party discipline from least to most severe, then the accountability measures
/// (通报, 诫勉, the organisational measures), then government sanctions. A person's measures are
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
}

/// <summary>The three families of the catalogue.</summary>
public enum SanctionFamily
{
    /// <summary>党纪处分.</summary>
    PartyDiscipline,

    /// <summary>问责 (通报, 诫勉, 组织处理).</summary>
    Accountability,

    /// <summary>政务处分.</summary>
    GovernmentSanction,
}
