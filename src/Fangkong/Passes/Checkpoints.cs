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
            return Error.Invalid("name", ErrorText.Of("error.passes.checkpoint-needs-name-characters", Checkpoint.NameMaxLength));
        }

        var region = Regions.RegionCode.Normalise(command.RegionCode);
        if (region is null)
        {
            return Error.Invalid("regionCode", ErrorText.Of("error.testing.not-region-code", command.RegionCode));
        }

        if (!db.Jurisdiction.Covers(region))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction", region));
        }

        if (!await db.Regions.AnyAsync(r => r.Code == region, ct))
        {
            return Error.Invalid("regionCode", ErrorText.Of("error.testing.region-not-registry", region));
        }

        var location = command.Location?.Trim() ?? string.Empty;
        if (location.Length > Checkpoint.LocationMaxLength)
        {
            return Error.Invalid("location", ErrorText.Of("error.passes.location-over-characters", Checkpoint.LocationMaxLength));
        }

        if (command.Latitude is { } lat && (lat < -90 || lat > 90))
        {
            return Error.Invalid("latitude", ErrorText.Of("error.passes.latitude-within"));
        }

        if (command.Longitude is { } lon && (lon < -180 || lon > 180))
        {
            return Error.Invalid("longitude", ErrorText.Of("error.passes.longitude-within"));
        }

        if (command.Latitude.HasValue != command.Longitude.HasValue)
        {
            return Error.Invalid("longitude", ErrorText.Of("error.passes.give-both-latitude-longitude-neither"));
        }

        var checkpoint = new Checkpoint(name, region, location, command.Latitude, command.Longitude);
        var duty = command.OnDuty?.Trim() ?? string.Empty;
        if (duty.Length > Checkpoint.OnDutyMaxLength)
        {
            return Error.Invalid("onDuty", ErrorText.Of("error.passes.staff-duty-over-characters", Checkpoint.OnDutyMaxLength));
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
            return Error.Invalid("onDuty", ErrorText.Of("error.passes.staff-duty-over-characters", Checkpoint.OnDutyMaxLength));
        }

        var checkpoint = await db.Checkpoints.FirstOrDefaultAsync(c => c.Id == id, ct);
        if (checkpoint is null)
        {
            return Error.NotFound(ErrorText.Of("error.passes.checkpoint-not-found-jurisdiction", id));
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
