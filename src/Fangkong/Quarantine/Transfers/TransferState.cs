namespace Fangkong.Quarantine.Transfers;

/// <summary>Where a person's transfer stands: 待转运 → 已派车 → 已接上 → 已到达 → 已入住 (or cancelled).</summary>
public enum TransferState
{
    Waiting,
    Dispatched,
    PickedUp,
    Arrived,
    CheckedIn,
    Cancelled,
}
