namespace Fangkong.Regions;

/// <summary>Level of a statistical division; the value is the length of its code.</summary>
public enum RegionLevel
{
    Province = 2,
    City = 4,
    County = 6,
    Township = 9,
    Community = 12,
}
