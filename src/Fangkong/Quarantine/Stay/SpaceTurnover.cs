using Fangkong.Access;

namespace Fangkong.Quarantine.Stay;

/// <summary>
/// One turnover of a room or bed (腾退周转): from the release of its last occupant to the end of
/// terminal disinfection, when it is available again. The space keeps only the time of its last
/// change, so each turnover is kept here to be measured and shown per site.
/// </summary>
public sealed class SpaceTurnover : IRegionScoped
{
    private SpaceTurnover()
    {
        RegionCode = string.Empty;
        SpaceNumber = string.Empty;
    }

    public SpaceTurnover(long siteId, long? roomId, long? bedId, string spaceNumber, string regionCode, long placementId, DateTimeOffset releasedAt)
    {
        SiteId = siteId;
        RoomId = roomId;
        BedId = bedId;
        SpaceNumber = spaceNumber;
        RegionCode = regionCode;
        PlacementId = placementId;
        ReleasedAt = releasedAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public long SiteId { get; private set; }

    public long? RoomId { get; private set; }

    public long? BedId { get; private set; }

    public string SpaceNumber { get; private set; }

    /// <summary>The site's region, as the room's.</summary>
    public string RegionCode { get; private set; }

    /// <summary>The placement whose release started the turnover.</summary>
    public long PlacementId { get; private set; }

    public DateTimeOffset ReleasedAt { get; private set; }

    public DateTimeOffset? AvailableAt { get; private set; }

    public TimeSpan? Duration => AvailableAt - ReleasedAt;

    public void Complete(DateTimeOffset at) => AvailableAt ??= at.ToUniversalTime();
}
