using System.Globalization;

namespace Fangkong.Areas;

/// <summary>
/// The unit a designation or a proposal is about: a region (by its code), or a compound or a
/// building (by id, with the region it lies in).
/// </summary>
public sealed record AreaUnit(AreaUnitKind Kind, string RegionCode, long? UnitId, string Name)
{
    public const int NameMaxLength = 160;

    /// <summary>The key the criteria lines use: the region code, or the id as text.</summary>
    public string Key => UnitId is { } id ? id.ToString(CultureInfo.InvariantCulture) : RegionCode;

    public bool SameAs(AreaUnitKind kind, string regionCode, long? unitId) =>
        Kind == kind && UnitId == unitId && (unitId is not null || RegionCode == regionCode);
}
