namespace Fangkong.Cases;

/// <summary>
/// How areas are graded, as the plan in force says (DOMAIN §3): the 2021 scheme of sealed,
/// controlled and precaution areas (used in Jilin 2022), or the 9th edition's high, medium and
/// low risk areas. A term of each policy version (<see cref="PolicyVersion"/>), so it lives with
/// it in Cases; the Areas capability reads it from there (Cases does not use Areas).
/// </summary>
public enum AreaScheme
{
    /// <summary>封控区 / 管控区 / 防范区.</summary>
    SealedControlled,

    /// <summary>高 / 中 / 低风险区.</summary>
    RiskLevels,
}
