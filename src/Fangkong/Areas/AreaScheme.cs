namespace Fangkong.Areas;

/// <summary>
/// How areas are graded, as the plan in force says (DOMAIN §3): the 2021 scheme of sealed,
/// controlled and precaution areas (used in Jilin 2022), or the 9th edition's high, medium and
/// low risk areas. Carried by each policy version.
/// </summary>
public enum AreaScheme
{
    /// <summary>封控区 / 管控区 / 防范区.</summary>
    SealedControlled,

    /// <summary>高 / 中 / 低风险区.</summary>
    RiskLevels,
}
