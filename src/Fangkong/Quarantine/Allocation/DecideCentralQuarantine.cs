using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Allocation;

/// <summary>
/// The command centre sends a pool member under control to central quarantine (or withdraws
/// that). The person must be in the caller's jurisdiction; a second decision for the same person
/// while one stands returns the standing one (a retried request does not queue anyone twice).
/// </summary>
public static class DecideCentralQuarantine
{
    public sealed record Command(long PersonId, long? ControlOrderId, string? Note);

    public sealed record Decided(long Id, long PersonId, DateTimeOffset DecidedAt, bool AlreadyStood);

    public static async Task<Result<Decided>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        var person = await db.Persons.AsNoTracking().Where(p => p.Id == command.PersonId).Select(p => new { p.Id, p.RegionCode }).SingleOrDefaultAsync(ct);
        if (person is null)
        {
            return Error.NotFound(ErrorText.Of("error.quarantine.no-person-jurisdiction", command.PersonId));
        }

        if (command.ControlOrderId is { } orderId
            && !await db.ControlOrders.AnyAsync(o => o.Id == orderId && o.PersonId == person.Id && o.EndedAt == null, ct))
        {
            return Error.Invalid("controlOrderId", ErrorText.Of("error.quarantine.control-order-not-active-order", orderId));
        }

        if ((command.Note?.Length ?? 0) > CentralQuarantineDecision.NoteMaxLength)
        {
            return Error.Invalid("note", ErrorText.Of("error.quarantine.note-most-characters", CentralQuarantineDecision.NoteMaxLength));
        }

        var standing = await db.CentralQuarantineDecisions.AsNoTracking()
            .Where(d => d.PersonId == person.Id && d.WithdrawnAt == null).OrderByDescending(d => d.Id).FirstOrDefaultAsync(ct);
        if (standing is not null)
        {
            return new Decided(standing.Id, person.Id, standing.DecidedAt, true);
        }

        var decision = new CentralQuarantineDecision(person.Id, command.ControlOrderId, person.RegionCode, db.Jurisdiction.UserName, time.GetUtcNow(), command.Note?.Trim());
        db.CentralQuarantineDecisions.Add(decision);
        await db.SaveChangesAsync(ct);
        return new Decided(decision.Id, person.Id, decision.DecidedAt, false);
    }
}
