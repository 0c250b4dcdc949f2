using Fangkong.Cases;

namespace Fangkong.Areas;

/// <summary>An area's designation; each belongs to one <see cref="AreaScheme"/>.</summary>
public enum AreaLevel
{
    /// <summary>封控区: "足不出户、服务上门".</summary>
    Sealed,

    /// <summary>管控区: "人不出区、严禁聚集"; a positive there turns it sealed.</summary>
    Controlled,

    /// <summary>防范区: the rest of the county.</summary>
    Precaution,

    /// <summary>高风险区.</summary>
    HighRisk,

    /// <summary>中风险区.</summary>
    MediumRisk,

    /// <summary>低风险区: the rest of the county.</summary>
    LowRisk,
}

/// <summary>What each level means, in both schemes: its scheme, how severe it is, its names and the rule residents live by.</summary>
public static class AreaLevels
{
    public static AreaScheme SchemeOf(this AreaLevel level) =>
        level is AreaLevel.Sealed or AreaLevel.Controlled or AreaLevel.Precaution ? AreaScheme.SealedControlled : AreaScheme.RiskLevels;

    /// <summary>3 for sealed/high, 2 for controlled/medium, 1 for precaution/low: the map colours a county by its highest.</summary>
    public static int Severity(this AreaLevel level) => level switch
    {
        AreaLevel.Sealed or AreaLevel.HighRisk => 3,
        AreaLevel.Controlled or AreaLevel.MediumRisk => 2,
        _ => 1,
    };

    /// <summary>The county-wide level of a scheme (防范区, 低风险区): it lifts when the county's other areas have.</summary>
    public static bool IsCountyWide(this AreaLevel level) => level is AreaLevel.Precaution or AreaLevel.LowRisk;

    /// <summary>The most severe level of a scheme, given on a new positive.</summary>
    public static AreaLevel Top(AreaScheme scheme) => scheme == AreaScheme.SealedControlled ? AreaLevel.Sealed : AreaLevel.HighRisk;

    public static string Zh(this AreaLevel level) => level switch
    {
        AreaLevel.Sealed => "封控区",
        AreaLevel.Controlled => "管控区",
        AreaLevel.Precaution => "防范区",
        AreaLevel.HighRisk => "高风险区",
        AreaLevel.MediumRisk => "中风险区",
        _ => "低风险区",
    };

    public static string En(this AreaLevel level) => level switch
    {
        AreaLevel.Sealed => "Sealed area",
        AreaLevel.Controlled => "Controlled area",
        AreaLevel.Precaution => "Precaution area",
        AreaLevel.HighRisk => "High-risk area",
        AreaLevel.MediumRisk => "Medium-risk area",
        _ => "Low-risk area",
    };

    /// <summary>What residents must do, as the notices put it.</summary>
    public static string MeaningZh(this AreaLevel level) => level switch
    {
        AreaLevel.Sealed => "足不出户、服务上门",
        AreaLevel.Controlled => "人不出区、严禁聚集",
        AreaLevel.Precaution => "强化社会面管控、严格限制人员聚集",
        AreaLevel.HighRisk => "足不出户、上门服务",
        AreaLevel.MediumRisk => "人不出区、错峰取物",
        _ => "个人防护、避免聚集",
    };

    public static string MeaningEn(this AreaLevel level) => level switch
    {
        AreaLevel.Sealed => "Stay at home; services come to your door.",
        AreaLevel.Controlled => "Stay within the area; no gatherings.",
        AreaLevel.Precaution => "Stricter social controls; gatherings strictly limited.",
        AreaLevel.HighRisk => "Stay at home; services come to your door.",
        AreaLevel.MediumRisk => "Stay within the area; collect goods at staggered times.",
        _ => "Protect yourself; avoid gatherings.",
    };
}
