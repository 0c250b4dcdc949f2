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

    /// <summary>The compound's position (WGS-84): its residents' home, for the distance to a quarantine site.</summary>
    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public void Locate(double latitude, double longitude)
    {
        Latitude = latitude;
        Longitude = longitude;
    }
}
