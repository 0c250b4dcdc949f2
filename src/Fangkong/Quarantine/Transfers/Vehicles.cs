using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Passes;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Transfers;

/// <summary>Registers transfer vehicles, changes their state or crew, and lists the fleet of the caller's jurisdiction.</summary>
public static class Vehicles
{
    public sealed record Command(string? Plate, int? Capacity, string? Crew, string? RegionCode);

    public sealed record StateCommand(string? State, string? Crew);

    /// <param name="DisinfectedAt">When the last disinfection between trips was recorded done, by <paramref name="DisinfectedBy"/>.</param>
    public sealed record Row(long Id, string Plate, int Capacity, string Crew, string RegionCode, VehicleState State, DateTimeOffset? DisinfectedAt = null, string? DisinfectedBy = null);

    public static async Task<Result<Row>> RegisterAsync(FangkongDbContext db, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        if (!VehiclePlate.TryNormalise(command.Plate, out var plate))
        {
            return Error.Invalid("plate", ErrorText.Of("error.quarantine.not-chinese-plate", command.Plate));
        }

        if (command.Capacity is not { } capacity || capacity is < 1 or > Vehicle.MaxCapacity)
        {
            return Error.Invalid("capacity", ErrorText.Of("error.quarantine.capacity-lie-within", Vehicle.MaxCapacity));
        }

        var crew = command.Crew?.Trim() ?? string.Empty;
        if (crew.Length is 0 or > Vehicle.CrewMaxLength)
        {
            return Error.Invalid("crew", ErrorText.Of("error.quarantine.name-crew-up-characters", Vehicle.CrewMaxLength));
        }

        var region = Regions.RegionCode.Normalise(command.RegionCode);
        if (region is null)
        {
            return Error.Invalid("regionCode", ErrorText.Of("error.testing.not-region-code", command.RegionCode));
        }

        if (!db.Jurisdiction.Covers(region))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction-2", region));
        }

        if (await db.Vehicles.BypassJurisdiction(BypassReason.UniqueNumber).AnyAsync(v => v.Plate == plate, ct))
        {
            return Error.Conflict(ErrorText.Of("error.quarantine.plate-already-registered", plate));
        }

        var vehicle = new Vehicle(plate, capacity, crew, region);
        db.Vehicles.Add(vehicle);
        await db.SaveChangesAsync(ct);
        return ToRow(vehicle);
    }

    public static async Task<Result<Row>> SetStateAsync(FangkongDbContext db, long id, StateCommand command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        var vehicle = await db.Vehicles.FirstOrDefaultAsync(v => v.Id == id, ct);
        if (vehicle is null)
        {
            return NotFound(id);
        }

        if (!EnumText.TryParse<VehicleState>(command.State, out var state))
        {
            return Error.Invalid("state", ErrorText.Of("error.quarantine.unknown-state", command.State, ErrorText.Plain(string.Join(", ", Enum.GetNames<VehicleState>()))));
        }

        if (command.Crew?.Trim().Length > Vehicle.CrewMaxLength)
        {
            return Error.Invalid("crew", ErrorText.Of("error.quarantine.crew-up-characters", Vehicle.CrewMaxLength));
        }

        if (vehicle.Set(state, command.Crew) is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(ct);
        return ToRow(vehicle);
    }

    public static async Task<IReadOnlyList<Row>> ListAsync(FangkongDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = await db.Vehicles.AsNoTracking().OrderBy(v => v.RegionCode).ThenBy(v => v.Plate).Take(Page<Row>.MaxSize).ToListAsync(ct);
        return [.. list.Select(ToRow)];
    }

    internal static Error NotFound(long id) =>
        Error.NotFound(ErrorText.Of("error.quarantine.vehicle-does-not-exist-outside", id));

    internal static Row ToRow(Vehicle v) => new(v.Id, v.Plate, v.Capacity, v.Crew, v.RegionCode, v.State, v.DisinfectedAt, v.DisinfectedBy);
}
