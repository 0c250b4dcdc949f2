using Fangkong.Access;

namespace Fangkong.SocialZero;

/// <summary>
/// The population of a county or city (常住人口) that the social-zero rate divides by. Set by an
/// operator from the statistics; without it the registered residents are counted, which in a
/// partly loaded register would overstate the rate.
/// </summary>
public sealed class RegionPopulation : IRegionScoped
{
    private RegionPopulation() => RegionCode = string.Empty;

    public RegionPopulation(string regionCode, long population, DateTimeOffset updatedAt)
    {
        RegionCode = regionCode;
        Population = population;
        UpdatedAt = updatedAt.ToUniversalTime();
    }

    public string RegionCode { get; private set; }

    public long Population { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public void Change(long population, DateTimeOffset at)
    {
        Population = population;
        UpdatedAt = at.ToUniversalTime();
    }
}
