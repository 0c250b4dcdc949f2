using Fangkong.Access;

namespace Fangkong.Residences;

/// <summary>A unit (单元, one staircase) of a building; rooms of residence are numbered within it.</summary>
public sealed class BuildingUnit : IRegionScoped
{
    public const int NameMaxLength = 20;

    private BuildingUnit()
    {
        Name = string.Empty;
        RegionCode = string.Empty;
    }

    public BuildingUnit(Building building, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        BuildingId = building.Id;
        RegionCode = building.RegionCode;
        Name = name.Trim();
    }

    public long Id { get; private set; }

    public long BuildingId { get; private set; }

    public string RegionCode { get; private set; }

    public string Name { get; private set; }
}
