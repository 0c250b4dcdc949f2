using Fangkong.Access;

namespace Fangkong.ClosedLoop;

/// <summary>
/// A closed loop (闭环管理): the staff of one enterprise or site who live and work sealed off,
/// tested on a schedule. Scoped to the unit's region; its members and breaches carry the same code.
/// </summary>
public sealed class ClosedLoopGroup : IRegionScoped
{
    public const int NameMaxLength = 100;

    private ClosedLoopGroup()
    {
        Name = string.Empty;
        RegionCode = string.Empty;
        CreatedBy = string.Empty;
    }

    public ClosedLoopGroup(string name, string regionCode, long? organisationId, long? placeId, string createdBy, DateTimeOffset createdAt)
    {
        Name = name;
        RegionCode = regionCode;
        OrganisationId = organisationId;
        PlaceId = placeId;
        CreatedBy = createdBy;
        CreatedAt = createdAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public string Name { get; private set; }

    public string RegionCode { get; private set; }

    /// <summary>The enterprise (单位) that runs the loop, if registered.</summary>
    public long? OrganisationId { get; private set; }

    /// <summary>The site (场所): a supply-guarantee enterprise, a market, a construction site.</summary>
    public long? PlaceId { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
}
