using Fangkong.Access;
using Fangkong.Common;

namespace Fangkong.Quarantine.Transfers;

/// <summary>Where a batch stands: 已派车 → 已接上 → 已到达 → 已完成 (every passenger checked in).</summary>
public enum BatchState
{
    Dispatched,
    PickedUp,
    Arrived,
    Completed,
}

/// <summary>
/// One trip of one vehicle (转运批次): people of a compound (or several) going to one site. Created
/// by dispatching waiting transfers onto an available vehicle; refused beyond the vehicle's seats.
/// Pick-up and arrival move every passenger; check-in is per person at the site, and the batch is
/// complete when the last passenger has checked in or been left behind.
/// </summary>
public sealed class TransferBatch : IRegionScoped
{
    private TransferBatch()
    {
        RegionCode = string.Empty;
        SiteName = string.Empty;
        DispatchedBy = string.Empty;
    }

    public TransferBatch(long vehicleId, string regionCode, long? siteId, string siteName, int passengers, string dispatchedBy, DateTimeOffset dispatchedAt)
    {
        VehicleId = vehicleId;
        RegionCode = regionCode;
        SiteId = siteId;
        SiteName = siteName;
        Passengers = passengers;
        DispatchedBy = dispatchedBy;
        DispatchedAt = dispatchedAt.ToUniversalTime();
        State = BatchState.Dispatched;
    }

    public long Id { get; private set; }

    public long VehicleId { get; private set; }

    /// <summary>The dispatching county (the common prefix of its passengers' homes).</summary>
    public string RegionCode { get; private set; }

    public long? SiteId { get; private set; }

    public string SiteName { get; private set; }

    public int Passengers { get; private set; }

    public BatchState State { get; private set; }

    public string DispatchedBy { get; private set; }

    public DateTimeOffset DispatchedAt { get; private set; }

    public DateTimeOffset? PickedUpAt { get; private set; }

    public DateTimeOffset? ArrivedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>Everyone aboard; those listed in <paramref name="absent"/> were not found and go back to waiting.</summary>
    public Error? PickUp(IReadOnlyList<TransferTask> tasks, ISet<long> absent, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        ArgumentNullException.ThrowIfNull(absent);
        if (State != BatchState.Dispatched)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.batch-not-dispatched", Id, State));
        }

        if (tasks.All(t => absent.Contains(t.Id)))
        {
            return Error.Invalid("absent", ErrorText.Of("error.quarantine.nobody-picked-up"));
        }

        foreach (var t in tasks)
        {
            if (absent.Contains(t.Id))
            {
                t.LeaveBehind($"未接到 (not found at pick-up, batch {Id})");
            }
            else
            {
                t.PickUp(at);
            }
        }

        Passengers = tasks.Count(t => !absent.Contains(t.Id));
        State = BatchState.PickedUp;
        PickedUpAt = at.ToUniversalTime();
        return null;
    }

    public Error? Arrive(IReadOnlyList<TransferTask> tasks, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (State != BatchState.PickedUp)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.batch-arrives-after-pick-up", Id, State));
        }

        foreach (var t in tasks)
        {
            t.Arrive(at);
        }

        State = BatchState.Arrived;
        ArrivedAt = at.ToUniversalTime();
        return null;
    }

    /// <summary>Completes the batch when no passenger is left to check in; true when it did.</summary>
    public bool CompleteIfDone(IReadOnlyList<TransferTask> tasks, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(tasks);
        if (State != BatchState.Arrived || tasks.Any(t => t.BatchId == Id && t.State == TransferState.Arrived))
        {
            return false;
        }

        State = BatchState.Completed;
        CompletedAt = at.ToUniversalTime();
        return true;
    }
}
