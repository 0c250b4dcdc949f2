using Fangkong.Access;

namespace Fangkong.Residences;

/// <summary>A building (楼栋) of a compound. Carries its compound's region so that it is scoped too.</summary>
public sealed class Building : IRegionScoped
{
    public const int NameMaxLength = 20;

    private Building()
    {
        Name = string.Empty;
        RegionCode = string.Empty;
    }

    public Building(Compound compound, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        CompoundId = compound.Id;
        RegionCode = compound.RegionCode;
        Name = name.Trim();
    }

    public long Id { get; private set; }

    public long CompoundId { get; private set; }

    public string RegionCode { get; private set; }

    public string Name { get; private set; }
}
