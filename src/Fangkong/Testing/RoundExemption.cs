using Fangkong.Access;

namespace Fangkong.Testing;

/// <summary>Why a resident is not tested with the round's area.</summary>
public enum ExemptionKind
{
    /// <summary>In a quarantine site, tested there (集中隔离).</summary>
    Quarantine,

    /// <summary>In hospital, tested there (住院).</summary>
    Hospital,

    /// <summary>Any other reason the command accepts (e.g. out of the city), with a note.</summary>
    Other,
}

/// <summary>
/// A resident of a round's area who is tested elsewhere and so is not among those who "should
/// test" in the round (应检尽检 counts the residents less these). One per round and person;
/// scoped by the person's region. The quarantine and hospital modules will record these for their
/// residents; until then the community or county records them (API, CLI).
/// </summary>
public sealed class RoundExemption : IRegionScoped
{
    public const int NoteMaxLength = 200;

    private RoundExemption()
    {
        RegionCode = string.Empty;
        RecordedBy = string.Empty;
    }

    public RoundExemption(long roundId, long personId, string regionCode, ExemptionKind kind, string? note, string recordedBy, DateTimeOffset recordedAt)
    {
        RoundId = roundId;
        PersonId = personId;
        RegionCode = regionCode;
        Kind = kind;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        RecordedBy = recordedBy;
        RecordedAt = recordedAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public long RoundId { get; private set; }

    public long PersonId { get; private set; }

    /// <summary>The person's region when exempted (for the jurisdiction filter).</summary>
    public string RegionCode { get; private set; }

    public ExemptionKind Kind { get; private set; }

    public string? Note { get; private set; }

    public string RecordedBy { get; private set; }

    public DateTimeOffset RecordedAt { get; private set; }
}
