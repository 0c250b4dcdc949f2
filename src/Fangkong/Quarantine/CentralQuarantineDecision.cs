using Fangkong.Access;

namespace Fangkong.Quarantine;

/// <summary>
/// The command centre's decision that a member of a positive pool (under a control order)
/// goes to central quarantine rather than staying controlled at home. It puts the person in
/// the allocation queue.
/// </summary>
public sealed class CentralQuarantineDecision : IRegionScoped
{
    public const int NoteMaxLength = 200;

    private CentralQuarantineDecision()
    {
        RegionCode = string.Empty;
        DecidedBy = string.Empty;
    }

    public CentralQuarantineDecision(long personId, long? controlOrderId, string regionCode, string decidedBy, DateTimeOffset decidedAt, string? note)
    {
        PersonId = personId;
        ControlOrderId = controlOrderId;
        RegionCode = regionCode;
        DecidedBy = decidedBy;
        DecidedAt = decidedAt.ToUniversalTime();
        Note = note;
    }

    public long Id { get; private set; }

    public long PersonId { get; private set; }

    public long? ControlOrderId { get; private set; }

    /// <summary>The person's home region.</summary>
    public string RegionCode { get; private set; }

    public string DecidedBy { get; private set; }

    public DateTimeOffset DecidedAt { get; private set; }

    public string? Note { get; private set; }

    /// <summary>Set when the command centre withdraws the decision (e.g. the re-test was negative).</summary>
    public DateTimeOffset? WithdrawnAt { get; private set; }

    public void Withdraw(DateTimeOffset at) => WithdrawnAt ??= at.ToUniversalTime();
}
