using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Quarantine.Transfers;

/// <summary>
/// The transfer of one placed person from home to a quarantine site or hospital (即查即转). The
/// clock starts when the person was identified (case reported, contact judged) and stops at
/// check-in; a person whose clock has not stopped at the end of the day is on the county's
/// "日清日结" list. Scoped by the person's home region: the sending county dispatches.
/// </summary>
public sealed class TransferTask : IRegionScoped
{
    public const int AddressMaxLength = 200;
    public const int NoteMaxLength = 200;
    public const int SiteNameMaxLength = 100;

    private TransferTask()
    {
        IdNumber = string.Empty;
        Name = string.Empty;
        RegionCode = string.Empty;
        FromAddress = string.Empty;
        SiteName = string.Empty;
        SiteRegionCode = string.Empty;
        CreatedBy = string.Empty;
    }

    public TransferTask(
        long? placementId, long? personId, string idNumber, string name, string regionCode, long? compoundId, string fromAddress,
        long? siteId, string siteName, string siteRegionCode, DateTimeOffset identifiedAt, string createdBy, DateTimeOffset createdAt)
    {
        PlacementId = placementId;
        PersonId = personId;
        IdNumber = idNumber;
        Name = name;
        RegionCode = regionCode;
        CompoundId = compoundId;
        FromAddress = fromAddress;
        SiteId = siteId;
        SiteName = siteName;
        SiteRegionCode = siteRegionCode;
        IdentifiedAt = identifiedAt.ToUniversalTime();
        CreatedBy = createdBy;
        CreatedAt = createdAt.ToUniversalTime();
        State = TransferState.Waiting;
    }

    public long Id { get; private set; }

    /// <summary>The placement (room or bed) this transfer delivers the person to.</summary>
    public long? PlacementId { get; private set; }

    public long? PersonId { get; private set; }

    public string IdNumber { get; private set; }

    public string Name { get; private set; }

    /// <summary>The person's home region: the sending community and county.</summary>
    public string RegionCode { get; private set; }

    /// <summary>The home's compound: people of one compound ride together.</summary>
    public long? CompoundId { get; private set; }

    public string FromAddress { get; private set; }

    public long? SiteId { get; private set; }

    public string SiteName { get; private set; }

    /// <summary>The destination's region; another city's site makes a cross-city transfer.</summary>
    public string SiteRegionCode { get; private set; }

    public DateTimeOffset IdentifiedAt { get; private set; }

    public TransferState State { get; private set; }

    public long? BatchId { get; private set; }

    public DateTimeOffset? DispatchedAt { get; private set; }

    public DateTimeOffset? PickedUpAt { get; private set; }

    public DateTimeOffset? ArrivedAt { get; private set; }

    public DateTimeOffset? CheckedInAt { get; private set; }

    public string? Note { get; private set; }

    public string CreatedBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The county (6 digits) of the home, for the end-of-day list.</summary>
    public string County => RegionCode.Length >= 6 ? RegionCode[..6] : RegionCode;

    /// <summary>True when the destination lies in another city than the home (跨市转运).</summary>
    public bool CrossCity => SiteRegionCode.Length >= 4 && RegionCode.Length >= 4 && !string.Equals(SiteRegionCode[..4], RegionCode[..4], StringComparison.Ordinal);

    public bool IsOpen => State is not (TransferState.CheckedIn or TransferState.Cancelled);

    /// <summary>From identification to check-in, or to <paramref name="now"/> while the person waits.</summary>
    public TimeSpan Elapsed(DateTimeOffset now) => (CheckedInAt ?? now) - IdentifiedAt;

    internal Error? Dispatch(long batchId, DateTimeOffset at)
    {
        if (State != TransferState.Waiting)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.transfer-not-waiting", Name, Id, State));
        }

        BatchId = batchId;
        State = TransferState.Dispatched;
        DispatchedAt = at.ToUniversalTime();
        return null;
    }

    internal void PickUp(DateTimeOffset at)
    {
        if (State == TransferState.Dispatched)
        {
            State = TransferState.PickedUp;
            PickedUpAt = at.ToUniversalTime();
        }
    }

    internal void Arrive(DateTimeOffset at)
    {
        if (State == TransferState.PickedUp)
        {
            State = TransferState.Arrived;
            ArrivedAt = at.ToUniversalTime();
        }
    }

    /// <summary>The person was not found at home (not picked up): back to waiting, off the vehicle.</summary>
    internal void LeaveBehind(string note)
    {
        if (State == TransferState.Dispatched)
        {
            State = TransferState.Waiting;
            BatchId = null;
            DispatchedAt = null;
            Note = note;
        }
    }

    public Error? CheckIn(DateTimeOffset at)
    {
        if (State == TransferState.CheckedIn)
        {
            return null;
        }

        if (State != TransferState.Arrived)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.transfer-person-checks-after-arrival", Name, State, Id));
        }

        State = TransferState.CheckedIn;
        CheckedInAt = at.ToUniversalTime();
        return null;
    }

    public Error? Cancel(string note)
    {
        if (State is not (TransferState.Waiting or TransferState.Cancelled))
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.transfer-only-waiting-transfer-cancelled", Id, State));
        }

        State = TransferState.Cancelled;
        Note = note;
        return null;
    }
}
