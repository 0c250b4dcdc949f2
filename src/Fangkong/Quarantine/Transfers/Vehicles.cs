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

    public sealed record Row(long Id, string Plate, int Capacity, string Crew, string RegionCode, VehicleState State);

    public static async Task<Result<Row>> RegisterAsync(FangkongDbContext db, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        if (!VehiclePlate.TryNormalise(command.Plate, out var plate))
        {
            return Error.Invalid("plate", $"「{command.Plate}」不是有效车牌 ('{command.Plate}' is not a Chinese plate).");
        }

        if (command.Capacity is not { } capacity || capacity is < 1 or > Vehicle.MaxCapacity)
        {
            return Error.Invalid("capacity", $"载客数应为 1–{Vehicle.MaxCapacity} (capacity must lie within 1 to {Vehicle.MaxCapacity}).");
        }

        var crew = command.Crew?.Trim() ?? string.Empty;
        if (crew.Length is 0 or > Vehicle.CrewMaxLength)
        {
            return Error.Invalid("crew", $"请填写随车人员，最多 {Vehicle.CrewMaxLength} 字 (name the crew, up to {Vehicle.CrewMaxLength} characters).");
        }

        var region = Regions.RegionCode.Normalise(command.RegionCode);
        if (region is null)
        {
            return Error.Invalid("regionCode", $"「{command.RegionCode}」不是区划代码 ('{command.RegionCode}' is not a region code).");
        }

        if (!db.Jurisdiction.Covers(region))
        {
            return Error.Forbidden($"区划 {region} 不在您的辖区内 (region {region} is outside your jurisdiction).");
        }

        if (await db.Vehicles.BypassJurisdiction(BypassReason.UniqueNumber).AnyAsync(v => v.Plate == plate, ct))
        {
            return Error.Conflict($"车牌 {plate} 已登记 (plate {plate} is already registered).");
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
            return Error.Invalid("state", $"状态「{command.State}」无效，可选：{string.Join(", ", Enum.GetNames<VehicleState>())} (unknown state).");
        }

        if (command.Crew?.Trim().Length > Vehicle.CrewMaxLength)
        {
            return Error.Invalid("crew", $"随车人员最多 {Vehicle.CrewMaxLength} 字 (crew up to {Vehicle.CrewMaxLength} characters).");
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
        Error.NotFound($"车辆 {id} 不存在或不在您的辖区内 (vehicle {id} does not exist or is outside your jurisdiction).");

    private static Row ToRow(Vehicle v) => new(v.Id, v.Plate, v.Capacity, v.Crew, v.RegionCode, v.State);
}
