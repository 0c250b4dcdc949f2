using Fangkong.Common;

namespace Fangkong.Quarantine;

/// <summary>
/// A room of a quarantine site, on a floor. One person per room; a multi-person or accessible
/// room holds more only for a carer with declared dependants (DOMAIN.md §5).
/// </summary>
public sealed class QuarantineRoom : Space
{
    public const int MaxCapacity = 6;

    private QuarantineRoom()
    {
    }

    public RoomKind Kind { get; private set; }

    protected override string What => "房间 room";

    public static Result<QuarantineRoom> Create(QuarantineSite site, SiteSection floor, string number, RoomKind kind, int capacity, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(site);
        ArgumentNullException.ThrowIfNull(floor);
        if (!site.Kind.HasRooms() || floor.Kind != SectionKind.Floor || floor.SiteId != site.Id)
        {
            return Error.Invalid("site", ErrorText.Of("error.quarantine.rooms-belong-floor-hotel-other", site.Name, site.Kind));
        }

        if (CheckNumber(number) is { } error)
        {
            return error;
        }

        if (capacity < 1 || capacity > MaxCapacity || (kind == RoomKind.Single && capacity != 1))
        {
            return Error.Invalid("capacity", ErrorText.Of("error.quarantine.capacity-single-room-holds", MaxCapacity));
        }

        var room = new QuarantineRoom
        {
            SiteId = site.Id,
            SectionId = floor.Id,
            RegionCode = site.RegionCode,
            Number = number.Trim(),
            Kind = kind,
            Capacity = capacity,
        };
        room.Initialise(at);
        return room;
    }
}
