using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Transfers;

/// <summary>
/// A vehicle back from a trip has been disinfected: it is on standby (待命) again, so the dispatch
/// board offers it for the next batch. The caller and the time are recorded on the vehicle.
/// A vehicle of another jurisdiction is not found.
/// </summary>
public static class DisinfectVehicle
{
    public static async Task<Result<Vehicles.Row>> HandleAsync(FangkongDbContext db, TimeProvider time, long id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var vehicle = await db.Vehicles.FirstOrDefaultAsync(v => v.Id == id, ct);
        if (vehicle is null)
        {
            return Vehicles.NotFound(id);
        }

        if (vehicle.Disinfected(db.Jurisdiction.UserName, time.GetUtcNow()) is { } refused)
        {
            return refused;
        }

        await db.SaveChangesAsync(ct);
        return Vehicles.ToRow(vehicle);
    }
}
