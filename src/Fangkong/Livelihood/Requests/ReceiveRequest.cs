using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Data.Concurrency;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Livelihood.Requests;

/// <summary>
/// Receives a request through one of the three doors (hotline, staff, resident): checks it, places
/// it, starts its clock and stores it. A hotline ticket is idempotent by its number: the same ticket
/// again — one after the other or ten at once — answers as the first and stores nothing more.
/// </summary>
public static class ReceiveRequest
{
    /// <summary>What the sender gets back: the number, where it went and when it is due; no personal data.</summary>
    public sealed record Received(long Id, string? TicketNo, RequestKind Kind, RequestUrgency Urgency, string RegionCode, bool Placed, DateTimeOffset DueAt)
    {
        internal static Received Of(ResidentRequest r) => new(r.Id, r.TicketNo, r.Kind, r.Urgency, r.RegionCode, r.Placed, r.DueAt);
    }

    public static Task<Result<Received>> HandleAsync(
        FangkongDbContext db, TimeProvider time, LivelihoodOptions options, RequestSource source, RequestDraft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return HandleAsync(db, time, options, new RequestPlacer(db), source, draft, ct);
    }

    /// <summary>With a placer kept across calls (an import places thousands of rows with one).</summary>
    public static async Task<Result<Received>> HandleAsync(
        FangkongDbContext db, TimeProvider time, LivelihoodOptions options, RequestPlacer placer, RequestSource source, RequestDraft draft, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(placer);
        ArgumentNullException.ThrowIfNull(draft);
        var now = time.GetUtcNow();
        var check = draft.Check(source, now);
        if (!check.IsSuccess)
        {
            return check.Error!;
        }

        var d = check.Value!;
        if (d.TicketNo is { } ticket && await FirstAsync(db, ticket, ct) is { } first)
        {
            return first;
        }

        var placed = await placer.PlaceAsync(d, ct);
        if (!placed.IsSuccess)
        {
            return placed.Error!;
        }

        var request = new ResidentRequest(d, placed.Value!, RequestClock.DueAt(d.Urgency, d.ReceivedAt, options), db.Jurisdiction.UserName);
        db.ResidentRequests().Add(request);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (d.TicketNo is not null && UniqueViolation.Is(e))
        {
            // Another call stored the same ticket between our look and our save: answer as it did.
            db.Entry(request).State = EntityState.Detached;
            return await FirstAsync(db, d.TicketNo, ct) ?? throw new InvalidOperationException($"Ticket {d.TicketNo} broke its key but is not stored.", e);
        }

        return Received.Of(request);
    }

    /// <summary>The request of a ticket, wherever it was placed: the ticket number is unique in the whole database.</summary>
    private static async Task<Received?> FirstAsync(FangkongDbContext db, string ticket, CancellationToken ct)
    {
        var stored = await db.ResidentRequests().BypassJurisdiction(BypassReason.UniqueNumber).AsNoTracking()
            .FirstOrDefaultAsync(r => r.TicketNo == ticket, ct);
        return stored is null ? null : Received.Of(stored);
    }
}
