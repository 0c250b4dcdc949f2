namespace Fangkong.Regions;

/// <summary>A statistical division: province, city, county, township or community/village.</summary>
public sealed class Region
{
    public const int NameMaxLength = 100;

    private Region()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public Region(RegionCode code, string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Code = code.Value;
        Name = name.Trim();
        Level = code.Level;
        ParentCode = code.Parent?.Value;
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public RegionLevel Level { get; private set; }

    public string? ParentCode { get; private set; }

    /// <summary>
    /// True for a region that reports on its own line in the daily bulletin although it is not
    /// a prefecture-level city (a county-level city the province administers directly).
    /// </summary>
    public bool IsReportingUnit { get; private set; }

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
    }

    public void SetReportingUnit(bool value) => IsReportingUnit = value;

    /// <summary>A representative point (WGS-84), e.g. the community's office: the home of residents whose compound has none.</summary>
    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public void Locate(double latitude, double longitude)
    {
        Latitude = latitude;
        Longitude = longitude;
    }
}
