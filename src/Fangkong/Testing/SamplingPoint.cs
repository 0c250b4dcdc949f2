using Fangkong.Access;

namespace Fangkong.Testing;

/// <summary>
/// A sampling point (采样点): a fixed one at a key place (a community health station, a
/// hospital) or a temporary one set up for mass testing (a square, a compound's gate), with the
/// hours it is open and its samplers. A swab whose point names it opens its tube in the point's
/// region. Its name is unique within its region, so teams' files can name it.
/// </summary>
public sealed class SamplingPoint : IRegionScoped
{
    public const int NameMaxLength = Tube.PointMaxLength;
    public const int SamplersMax = 50;

    private readonly List<PointSampler> _samplers = [];

    private SamplingPoint()
    {
        Name = string.Empty;
        RegionCode = string.Empty;
    }

    public SamplingPoint(string regionCode, string name, PointKind kind, long? placeId, TimeOnly opensAt, TimeOnly closesAt)
    {
        RegionCode = regionCode;
        Name = name;
        Kind = kind;
        PlaceId = placeId;
        OpensAt = opensAt;
        ClosesAt = closesAt;
    }

    public long Id { get; private set; }

    public string RegionCode { get; private set; }

    public string Name { get; private set; }

    public PointKind Kind { get; private set; }

    /// <summary>The key place it stands at, for a fixed point.</summary>
    public long? PlaceId { get; private set; }

    /// <summary>Opening time, China time; a point that closes before it opens works through the night.</summary>
    public TimeOnly OpensAt { get; private set; }

    public TimeOnly ClosesAt { get; private set; }

    public IReadOnlyCollection<PointSampler> Samplers => _samplers.AsReadOnly();

    public void Update(PointKind kind, long? placeId, TimeOnly opensAt, TimeOnly closesAt)
    {
        Kind = kind;
        PlaceId = placeId;
        OpensAt = opensAt;
        ClosesAt = closesAt;
    }

    /// <summary>The point's samplers become exactly these user names.</summary>
    public void SetSamplers(IEnumerable<string> userNames)
    {
        var wanted = userNames.ToHashSet(StringComparer.Ordinal);
        _samplers.RemoveAll(s => !wanted.Contains(s.UserName));
        foreach (var name in wanted.Where(n => _samplers.All(s => s.UserName != n)).Order(StringComparer.Ordinal))
        {
            _samplers.Add(new PointSampler(name));
        }
    }

    /// <summary>Whether the point is open at a time of day (China time).</summary>
    public bool IsOpenAt(TimeOnly time) =>
        OpensAt <= ClosesAt ? time >= OpensAt && time < ClosesAt : time >= OpensAt || time < ClosesAt;
}

/// <summary>A sampler on duty at a point, by user name.</summary>
public sealed class PointSampler
{
    private PointSampler()
    {
        UserName = string.Empty;
    }

    public PointSampler(string userName) => UserName = userName;

    public long Id { get; private set; }

    public long SamplingPointId { get; private set; }

    public string UserName { get; private set; }
}

/// <summary>固定采样点 or 临时采样点.</summary>
public enum PointKind
{
    Fixed,
    Temporary,
}
