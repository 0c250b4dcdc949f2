using Fangkong.Access;

namespace Fangkong.Testing;

/// <summary>
/// Tells a community that some of its residents were in a positive pool (now under in-place
/// control, to be re-sampled one by one) or in an invalid tube (to be swabbed again), with how
/// many; written with the tracing, one per tube and community, and acknowledged by the community.
/// </summary>
public sealed class CommunityAlert : IRegionScoped
{
    private CommunityAlert()
    {
        RegionCode = string.Empty;
    }

    public long Id { get; private set; }

    /// <summary>The residents' region (their community): who must act.</summary>
    public string RegionCode { get; private set; }

    public long RoundId { get; private set; }

    public long TubeId { get; private set; }

    public AlertKind Kind { get; private set; }

    /// <summary>Residents of the region in the tube.</summary>
    public int People { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? AcknowledgedAt { get; private set; }

    public string? AcknowledgedBy { get; private set; }

    /// <summary>Returns false when it was already acknowledged (a second click changes nothing).</summary>
    public bool Acknowledge(string user, DateTimeOffset at)
    {
        if (AcknowledgedAt is not null)
        {
            return false;
        }

        AcknowledgedBy = user;
        AcknowledgedAt = at.ToUniversalTime();
        return true;
    }
}

/// <summary>Why a community is alerted.</summary>
public enum AlertKind
{
    /// <summary>混管阳性: residents under control, single-tube re-sampling to do.</summary>
    PositivePool,

    /// <summary>无效管: residents to be swabbed again.</summary>
    Resample,
}
