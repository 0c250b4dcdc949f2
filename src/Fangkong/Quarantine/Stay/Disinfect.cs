using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Quarantine.Stay;

/// <summary>Terminal disinfection (终末消毒) of a room or bed is done: it is available again, and its turnover since the release is measured.</summary>
public static class Disinfect
{
    public sealed record Command(long? RoomId, long? BedId, [Happened] DateTimeOffset? At);

    public sealed record Done(long SpaceId, string Number, SpaceState State, DateTimeOffset At, double? TurnoverHours);

    public static async Task<Result<Done>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        if (command.RoomId.HasValue == command.BedId.HasValue)
        {
            return Error.Invalid("roomId", ErrorText.Of("error.quarantine.give-room-bed"));
        }

        Space? space = command.RoomId is { } r
            ? await db.QuarantineRooms.FirstOrDefaultAsync(x => x.Id == r, ct)
            : await db.HospitalBeds.FirstOrDefaultAsync(x => x.Id == command.BedId, ct);
        if (space is null)
        {
            return Error.NotFound(ErrorText.Of("error.quarantine.room-bed-does-not-exist"));
        }

        var now = time.GetUtcNow();
        var at = (command.At ?? now).ToUniversalTime();
        if (at > now + TimeSpan.FromMinutes(5) || at < space.StateChangedAt)
        {
            return Error.Invalid("at", ErrorText.Of("error.quarantine.time-lies-between-release-now"));
        }

        if (space.Disinfected(at) is { } refused)
        {
            return refused;
        }

        var turnover = await db.SpaceTurnovers
            .Where(t => t.AvailableAt == null && (command.RoomId != null ? t.RoomId == command.RoomId : t.BedId == command.BedId))
            .OrderByDescending(t => t.ReleasedAt).FirstOrDefaultAsync(ct);
        turnover?.Complete(at);
        await db.SaveChangesAsync(ct);
        return new Done(space.Id, space.Number, space.State, at, turnover?.Duration is { } d ? Math.Round(d.TotalHours, 1) : null);
    }
}
