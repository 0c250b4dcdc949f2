using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Quarantine.Transfers;

/// <summary>
/// Puts waiting transfers on an available vehicle as one batch (派车). Refused when the vehicle
/// is not available, when the people outnumber its seats (the message gives both numbers), when
/// a transfer is not waiting, or when they go to different sites (one trip, one destination).
/// </summary>
public static class DispatchBatch
{
    public const int MaxBatch = Vehicle.MaxCapacity;

    public sealed record Command(long? VehicleId, IReadOnlyList<long>? TransferIds, [Happened] DateTimeOffset? At);

    public sealed record Dispatched(long BatchId, long VehicleId, string Plate, int Passengers, int Capacity, string SiteName);

    public static async Task<Result<Dispatched>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        var ids = (command.TransferIds ?? []).Distinct().ToList();
        if (ids.Count is 0 or > MaxBatch)
        {
            return Error.Invalid("transferIds", ErrorText.Of("error.quarantine.batch-holds-people", MaxBatch));
        }

        if (command.VehicleId is not { } vehicleId)
        {
            return Error.Invalid("vehicleId", ErrorText.Of("error.quarantine.choose-vehicle"));
        }

        var vehicle = await db.Vehicles.FirstOrDefaultAsync(v => v.Id == vehicleId, ct);
        if (vehicle is null)
        {
            return Vehicles.NotFound(vehicleId);
        }

        if (ids.Count > vehicle.Capacity)
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.vehicle-seats-batch", vehicle.Plate, vehicle.Capacity, ids.Count));
        }

        var tasks = await db.TransferTasks.Where(t => EF.Parameter(ids).Contains(t.Id)).ToListAsync(ct);
        if (tasks.Count != ids.Count)
        {
            var missing = ids.Except(tasks.Select(t => t.Id)).First();
            return Error.NotFound(ErrorText.Of("error.quarantine.transfer-does-not-exist-outside", missing));
        }

        if (tasks.Select(t => (t.SiteId, t.SiteName)).Distinct().Count() > 1)
        {
            return Error.Invalid("transferIds", ErrorText.Of("error.quarantine.one-batch-goes-one-site"));
        }

        var now = time.GetUtcNow();
        var at = TransferTimes.Resolve(command.At, tasks.Max(t => t.IdentifiedAt), now, "at");
        if (!at.IsSuccess)
        {
            return at.Error!;
        }

        if (vehicle.StartTrip() is { } busy)
        {
            return busy;
        }

        // The batch is the dispatching county's: the common prefix of the homes, at most the county.
        var region = Regions.RegionCode.CommonAncestor(tasks.Select(t => t.RegionCode));
        var batch = new TransferBatch(vehicle.Id, region, tasks[0].SiteId, tasks[0].SiteName, tasks.Count, db.Jurisdiction.UserName, at.Value);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.TransferBatches.Add(batch);
        await db.SaveChangesAsync(ct);
        foreach (var t in tasks)
        {
            if (t.Dispatch(batch.Id, at.Value) is { } error)
            {
                return error;
            }
        }

        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new Dispatched(batch.Id, vehicle.Id, vehicle.Plate, tasks.Count, vehicle.Capacity, batch.SiteName);
    }
}
