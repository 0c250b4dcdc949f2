using Fangkong.Access;

namespace Fangkong.Residences;

/// <summary>A residential compound (小区) in a community, or a village's natural settlement.</summary>
public sealed class Compound : IRegionScoped
{
    public const int NameMaxLength = 100;

    private Compound()
    {
        Name = string.Empty;
        RegionCode = string.Empty;
    }

    public Compound(string regionCode, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        RegionCode = regionCode;
        Name = name.Trim();
    }

    public long Id { get; private set; }

    public string RegionCode { get; private set; }

    public string Name { get; private set; }
}
