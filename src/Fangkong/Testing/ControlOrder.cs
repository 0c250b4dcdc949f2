using Fangkong.Access;

namespace Fangkong.Testing;

/// <summary>
/// In-place control of a person (居家管控/就地管控) with its reason, e.g. membership of a positive
/// pool, until lifted by a negative re-test or turned into a case by a positive one.
/// </summary>
public sealed class ControlOrder : IRegionScoped
{
    public const int ReasonMaxLength = 200;

    private ControlOrder()
    {
        RegionCode = string.Empty;
        Reason = string.Empty;
    }

    public ControlOrder(long personId, string regionCode, string reason, long? tubeId, long? roundId, DateTimeOffset startedAt)
    {
        PersonId = personId;
        RegionCode = regionCode;
        Reason = reason;
        TubeId = tubeId;
        RoundId = roundId;
        StartedAt = startedAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public long PersonId { get; private set; }

    /// <summary>The person's region: the community that keeps the order.</summary>
    public string RegionCode { get; private set; }

    public string Reason { get; private set; }

    public long? TubeId { get; private set; }

    public long? RoundId { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public ControlOutcome? Outcome { get; private set; }

    public bool IsActive => EndedAt is null;

    public void End(ControlOutcome outcome, DateTimeOffset at)
    {
        Outcome = outcome;
        EndedAt = at.ToUniversalTime();
    }
}

/// <summary>How a control order ended.</summary>
public enum ControlOutcome
{
    /// <summary>Lifted: the single-tube re-test was negative.</summary>
    Lifted,

    /// <summary>The re-test was positive: the person goes to case reporting.</summary>
    Positive,
}
