using Fangkong.Access;

namespace Fangkong.Organisations;

/// <summary>A unit (单位): party committee, government department, hospital, enterprise, community committee.</summary>
public sealed class Organisation : IRegionScoped
{
    public const int NameMaxLength = 100;

    private Organisation()
    {
        Name = string.Empty;
        RegionCode = string.Empty;
    }

    public Organisation(string name, OrganisationKind kind, string regionCode, long? placeId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name.Trim();
        Kind = kind;
        RegionCode = regionCode;
        PlaceId = placeId;
    }

    public long Id { get; private set; }

    public string Name { get; private set; }

    public OrganisationKind Kind { get; private set; }

    public string RegionCode { get; private set; }

    /// <summary>The place this unit runs, for hospitals, schools and enterprises.</summary>
    public long? PlaceId { get; private set; }
}
