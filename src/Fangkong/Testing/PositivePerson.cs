using Fangkong.Access;

namespace Fangkong.Testing;

/// <summary>
/// A person found positive by a single tube — the re-test of a positive pool's member, or a
/// tube of one — handed to case reporting (阳性待报告). Case reporting classifies the person
/// (confirmed with a severity, or asymptomatic) into a case record; until then the positive
/// waits here, and the time from <see cref="FoundAt"/> to <see cref="ReportedAt"/> is the
/// reporting delay that supervision watches ("2 小时内报告").
/// </summary>
public sealed class PositivePerson : IRegionScoped
{
    public const int CaseNoMaxLength = 32;

    private PositivePerson()
    {
        RegionCode = string.Empty;
    }

    public PositivePerson(long personId, string regionCode, long tubeId, long roundId, PositiveSource source, DateTimeOffset foundAt)
    {
        PersonId = personId;
        RegionCode = regionCode;
        TubeId = tubeId;
        RoundId = roundId;
        Source = source;
        FoundAt = foundAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public long PersonId { get; private set; }

    /// <summary>The person's region: its community and county report the case.</summary>
    public string RegionCode { get; private set; }

    /// <summary>The single tube that was positive.</summary>
    public long TubeId { get; private set; }

    public long RoundId { get; private set; }

    public PositiveSource Source { get; private set; }

    public DateTimeOffset FoundAt { get; private set; }

    /// <summary>The case it became; null while waiting.</summary>
    public string? CaseNo { get; private set; }

    public DateTimeOffset? ReportedAt { get; private set; }

    public bool IsReported => CaseNo is not null;

    public void MarkReported(string caseNo, DateTimeOffset at)
    {
        if (IsReported)
        {
            throw new InvalidOperationException($"Positive {Id} was already reported as case {CaseNo}.");
        }

        CaseNo = caseNo;
        ReportedAt = at.ToUniversalTime();
    }
}

/// <summary>How the positive was found.</summary>
public enum PositiveSource
{
    /// <summary>A member of a positive pool, positive on the single-tube re-test (混管阳性单采复核).</summary>
    PoolRetest,

    /// <summary>A tube of one with no positive pool behind it (单管阳性), e.g. confirming an antigen self-test.</summary>
    SingleTube,
}
