using Fangkong.Access;

namespace Fangkong.Testing.Tallies;

/// <summary>
/// One registered person's state in one round, one row per round and person: the key that makes
/// "the first swab of a person in a round" an atomic fact under concurrent scan batches (an
/// upsert that finds the row already sampled counts nothing), and the flags from which the
/// <see cref="RoundTally"/> figures move. The region is where the person was registered when
/// first swabbed or exempted in the round; they count there for the whole round.
/// </summary>
public sealed class RoundPerson : IRegionScoped
{
    private RoundPerson()
    {
        RegionCode = string.Empty;
    }

    public long RoundId { get; private set; }

    public long PersonId { get; private set; }

    public string RegionCode { get; private set; }

    public bool Sampled { get; private set; }

    public bool Exempted { get; private set; }

    public bool Resulted { get; private set; }

    public bool Positive { get; private set; }
}
