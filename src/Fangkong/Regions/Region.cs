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

    /// <summary>The name bulletins use (延边州 for 延边朝鲜族自治州); null when it is the full name.</summary>
    public string? ShortName { get; private set; }

    /// <summary>
    /// The first day of the current outbreak (本次疫情) for this region's bulletins: cumulative
    /// contacts and recoveries count from it. A bulletin takes the nearest one on its region or above.
    /// </summary>
    public DateOnly? OutbreakStartsOn { get; private set; }

    public void SetShortName(string? shortName) => ShortName = string.IsNullOrWhiteSpace(shortName) ? null : shortName.Trim();

    public void SetOutbreakStart(DateOnly? startsOn) => OutbreakStartsOn = startsOn;

    /// <summary>A representative point (WGS-84), e.g. the community's office: the home of residents whose compound has none.</summary>
    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public void Locate(double latitude, double longitude)
    {
        Latitude = latitude;
        Longitude = longitude;
    }
}
