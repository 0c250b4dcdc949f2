using Fangkong.Access;

namespace Fangkong.Testing.Tallies;

/// <summary>
/// A round's figures for the residents registered at one region code (a community, or a street
/// for people registered at the street itself), maintained in the same transaction as the scans,
/// results and exemptions that change them, so that the round's page and its coverage sum a few
/// hundred rows instead of counting the round's swabs (docs/decisions/0029-round-tallies.md).
/// Each figure counts people once, as <see cref="RoundPerson"/> does. Written only by
/// <see cref="RoundTallyWriter"/>; read-only here.
/// </summary>
public sealed class RoundTally : IRegionScoped
{
    private RoundTally()
    {
        RegionCode = string.Empty;
    }

    public long RoundId { get; private set; }

    /// <summary>Where the people counted here are registered.</summary>
    public string RegionCode { get; private set; }

    /// <summary>People swabbed at least once in the round.</summary>
    public long Sampled { get; private set; }

    /// <summary>People with at least one swab in a tube with a negative or positive result.</summary>
    public long Resulted { get; private set; }

    /// <summary>People with at least one swab in a positive tube (pooled or single).</summary>
    public long Positive { get; private set; }

    /// <summary>People exempted from the round (tested elsewhere) and not swabbed in it.</summary>
    public long Exempted { get; private set; }
}
