using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Passes;

/// <summary>Sets up checkpoints, lists them, and records who is on duty.</summary>
public static class Checkpoints
{
    public sealed record Command(string? Name, string? RegionCode, string? Location, double? Latitude, double? Longitude, string? OnDuty);

    public sealed record Row(long Id, string Name, string RegionCode, string Location, double? Latitude, double? Longitude, string OnDuty);

    public static async Task<Result<Row>> CreateAsync(FangkongDbContext db, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        var name = command.Name?.Trim() ?? string.Empty;
        if (name.Length is 0 or > Checkpoint.NameMaxLength)
        {
            return Error.Invalid("name", $"卡点名称应为 1–{Checkpoint.NameMaxLength} 个字 (A checkpoint needs a name of 1 to {Checkpoint.NameMaxLength} characters).");
        }

        var region = Regions.RegionCode.Normalise(command.RegionCode);
        if (region is null)
        {
            return Error.Invalid("regionCode", $"「{command.RegionCode}」不是区划代码 ('{command.RegionCode}' is not a region code).");
        }

        if (!db.Jurisdiction.Covers(region))
        {
            return Error.Forbidden($"区划 {region} 不在您的辖区内 (Region {region} is outside your jurisdiction).");
        }

        if (!await db.Regions.AnyAsync(r => r.Code == region, ct))
        {
            return Error.Invalid("regionCode", $"区划 {region} 未登记 (Region {region} is not in the registry).");
        }

        var location = command.Location?.Trim() ?? string.Empty;
        if (location.Length > Checkpoint.LocationMaxLength)
        {
            return Error.Invalid("location", $"位置说明不超过 {Checkpoint.LocationMaxLength} 字 (Location over {Checkpoint.LocationMaxLength} characters).");
        }

        if (command.Latitude is { } lat && (lat < -90 || lat > 90))
        {
            return Error.Invalid("latitude", "纬度应在 -90 到 90 之间 (Latitude must be within -90 to 90).");
        }

        if (command.Longitude is { } lon && (lon < -180 || lon > 180))
        {
            return Error.Invalid("longitude", "经度应在 -180 到 180 之间 (Longitude must be within -180 to 180).");
        }

        if (command.Latitude.HasValue != command.Longitude.HasValue)
        {
            return Error.Invalid("longitude", "经纬度需同时填写 (Give both latitude and longitude, or neither).");
        }

        var checkpoint = new Checkpoint(name, region, location, command.Latitude, command.Longitude);
        var duty = command.OnDuty?.Trim() ?? string.Empty;
        if (duty.Length > Checkpoint.OnDutyMaxLength)
        {
            return Error.Invalid("onDuty", $"值守人员不超过 {Checkpoint.OnDutyMaxLength} 字 (Staff on duty over {Checkpoint.OnDutyMaxLength} characters).");
        }

        checkpoint.SetDuty(duty);
        db.Checkpoints.Add(checkpoint);
        await db.SaveChangesAsync(ct);
        return ToRow(checkpoint);
    }

    public static async Task<Result<Row>> SetDutyAsync(FangkongDbContext db, long id, string? onDuty, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var duty = onDuty?.Trim() ?? string.Empty;
        if (duty.Length > Checkpoint.OnDutyMaxLength)
        {
            return Error.Invalid("onDuty", $"值守人员不超过 {Checkpoint.OnDutyMaxLength} 字 (Staff on duty over {Checkpoint.OnDutyMaxLength} characters).");
        }

        var checkpoint = await db.Checkpoints.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (checkpoint is null)
        {
            return Error.NotFound($"卡点 {id} 不存在或不在您的辖区内 (Checkpoint {id} was not found in your jurisdiction).");
        }

        checkpoint.SetDuty(duty);
        await db.SaveChangesAsync(ct);
        return ToRow(checkpoint);
    }

    public static async Task<IReadOnlyList<Row>> ListAsync(FangkongDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var list = await db.Checkpoints.AsNoTracking().OrderBy(c => c.RegionCode).ThenBy(c => c.Id).ToListAsync(ct);
        return list.Select(ToRow).ToList();
    }

    public static async Task<Row?> FindAsync(FangkongDbContext db, long id, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var checkpoint = await db.Checkpoints.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct);
        return checkpoint is null ? null : ToRow(checkpoint);
    }

    private static Row ToRow(Checkpoint c) => new(c.Id, c.Name, c.RegionCode, c.Location, c.Latitude, c.Longitude, c.OnDuty);
}
