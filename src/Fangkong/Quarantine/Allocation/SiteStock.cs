namespace Fangkong.Quarantine.Allocation;

/// <summary>
/// The free rooms or beds of one open site as the allocation sees them, floor by floor. A floor
/// belongs to one kind of occupant at a time (close contacts, secondary contacts, pool members):
/// the kind of the people already on it, or, for an empty floor, of the first one placed there.
/// </summary>
internal sealed class SiteStock(QuarantineSite site)
{
    private readonly List<FloorStock> _floors = [];

    public QuarantineSite Site { get; } = site;

    public GeoPoint Point { get; } = new(site.Latitude, site.Longitude);

    /// <summary>Free spaces left; a full site is skipped without looking at its floors.</summary>
    public int Free { get; private set; }

    public void Add(FloorStock floor, Space space)
    {
        floor.Add(space);
        Free++;
    }

    public FloorStock Floor(long sectionId, OccupantKind? kind, bool mixed)
    {
        var floor = _floors.Find(f => f.SectionId == sectionId);
        if (floor is null)
        {
            floor = new FloorStock(sectionId, kind, mixed);
            _floors.Add(floor);
        }

        return floor;
    }

    /// <summary>Takes a space for a group of <paramref name="size"/> of <paramref name="kind"/>: a floor of that kind first, else an empty floor.</summary>
    public Space? Take(OccupantKind kind, int size)
    {
        var space = Free == 0 ? null : TakeFromFloors(kind, size);
        if (space is not null)
        {
            Free--;
        }

        return space;
    }

    private Space? TakeFromFloors(OccupantKind kind, int size)
    {
        foreach (var floor in _floors)
        {
            if (!floor.Mixed && floor.Kind == kind && floor.Take(size) is { } space)
            {
                return space;
            }
        }

        foreach (var floor in _floors)
        {
            if (!floor.Mixed && floor.Kind is null && floor.Take(size) is { } space)
            {
                floor.Kind = kind;
                return space;
            }
        }

        return null;
    }

    public void Sort()
    {
        _floors.Sort((a, b) => a.SectionId.CompareTo(b.SectionId));
        foreach (var floor in _floors)
        {
            floor.Sort();
        }
    }
}

/// <summary>The free spaces of one floor, care unit or ward; rooms by kind so that a single person takes a single room first.</summary>
internal sealed class FloorStock(long sectionId, OccupantKind? kind, bool mixed)
{
    private readonly List<Space> _singles = [];
    private readonly List<Space> _multis = [];
    private readonly List<Space> _accessible = [];

    public long SectionId { get; } = sectionId;

    /// <summary>Hospitals: null (cases only). Quarantine floors: the kind of its occupants, null while empty.</summary>
    public OccupantKind? Kind { get; set; } = kind;

    /// <summary>True for a floor that already holds two kinds (data from before): nobody more is added.</summary>
    public bool Mixed { get; } = mixed;

    public int Free => _singles.Count + _multis.Count + _accessible.Count;

    public void Add(Space space)
    {
        var list = space is QuarantineRoom { Kind: RoomKind.Multi } ? _multis
            : space is QuarantineRoom { Kind: RoomKind.Accessible } ? _accessible
            : _singles;
        list.Add(space);
    }

    public void Sort()
    {
        // Taken from the end: singles in number order, multi rooms smallest first.
        _singles.Sort((a, b) => string.CompareOrdinal(b.Number, a.Number));
        _multis.Sort((a, b) => b.Capacity != a.Capacity ? b.Capacity.CompareTo(a.Capacity) : string.CompareOrdinal(b.Number, a.Number));
        _accessible.Sort((a, b) => b.Capacity != a.Capacity ? b.Capacity.CompareTo(a.Capacity) : string.CompareOrdinal(b.Number, a.Number));
    }

    public Space? Take(int size)
    {
        if (size == 1)
        {
            // A single room first; a multi-person or accessible room only when no single is left.
            return Pop(_singles) ?? Pop(_multis) ?? Pop(_accessible);
        }

        return PopFitting(_multis, size) ?? PopFitting(_accessible, size);
    }

    private static Space? Pop(List<Space> list)
    {
        if (list.Count == 0)
        {
            return null;
        }

        var space = list[^1];
        list.RemoveAt(list.Count - 1);
        return space;
    }

    private static Space? PopFitting(List<Space> list, int size)
    {
        for (var i = list.Count - 1; i >= 0; i--)
        {
            if (list[i].Capacity >= size)
            {
                var space = list[i];
                list.RemoveAt(i);
                return space;
            }
        }

        return null;
    }
}
