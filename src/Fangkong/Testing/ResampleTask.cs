using Fangkong.Access;

namespace Fangkong.Testing;

/// <summary>
/// A single-tube re-sampling task (单采单检) for a member of a positive or invalid pool: open
/// until a single tube of the round with this person has a result, which resolves it.
/// </summary>
public sealed class ResampleTask : IRegionScoped
{
    private ResampleTask()
    {
        RegionCode = string.Empty;
    }

    public ResampleTask(long personId, string regionCode, long roundId, long sourceTubeId, DateTimeOffset createdAt)
    {
        PersonId = personId;
        RegionCode = regionCode;
        RoundId = roundId;
        SourceTubeId = sourceTubeId;
        CreatedAt = createdAt.ToUniversalTime();
        Status = ResampleStatus.Open;
    }

    public long Id { get; private set; }

    public long PersonId { get; private set; }

    public string RegionCode { get; private set; }

    public long RoundId { get; private set; }

    public long SourceTubeId { get; private set; }

    public long? RetestTubeId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public ResampleStatus Status { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>The single tube's result came: the task is done, with that tube and its outcome.</summary>
    public void Resolve(long retestTubeId, ResampleStatus status, DateTimeOffset at)
    {
        RetestTubeId = retestTubeId;
        Status = status;
        ResolvedAt = at.ToUniversalTime();
    }
}

/// <summary>Open until the single-tube re-test has a result; then negative or positive.</summary>
public enum ResampleStatus
{
    Open,
    Negative,
    Positive,
}
