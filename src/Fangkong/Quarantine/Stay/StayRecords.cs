using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Stay;

/// <summary>What the stay's use cases look up about a placement: its room or bed, and the person's identity and order.</summary>
internal static class StayRecords
{
    /// <summary>The person behind a placement: identity number, resident id, the resident record when found, and the contact or case record when there is one.</summary>
    public sealed record Subject(string IdNumber, long? PersonId, Contact? Contact, Case? Case, Person? Person = null);

    public static Error PlacementNotFound(long id) =>
        Error.NotFound(ErrorText.Of("error.quarantine.placement-does-not-exist-outside", id));

    /// <summary>The room or bed, tracked; a site outside the caller's jurisdiction is refused.</summary>
    public static async Task<Result<Space>> SpaceAsync(FangkongDbContext db, Placement placement, CancellationToken ct)
    {
        Space? space = placement.RoomId is { } room
            ? await db.QuarantineRooms.FirstOrDefaultAsync(r => r.Id == room, ct)
            : placement.BedId is { } bed ? await db.HospitalBeds.FirstOrDefaultAsync(b => b.Id == bed, ct) : null;
        return space is null
            ? Error.Forbidden(ErrorText.Of("error.quarantine.site-placement-outside-jurisdiction", placement.Id))
            : space;
    }

    public static async Task<Subject> SubjectAsync(FangkongDbContext db, Placement placement, CancellationToken ct)
    {
        Contact? contact = placement.ContactId is { } c ? await db.Contacts.AsNoTracking().FirstOrDefaultAsync(x => x.Id == c, ct) : null;
        Case? @case = placement.CaseId is { } k ? await db.Cases.AsNoTracking().FirstOrDefaultAsync(x => x.Id == k, ct) : null;
        var person = placement.PersonId is { } p ? await db.Persons.AsNoTracking().FirstOrDefaultAsync(x => x.Id == p, ct) : null;
        var id = contact?.IdNumber ?? @case?.IdNumber ?? person?.DocumentNumber ?? string.Empty;
        if (person is null && id.Length > 0)
        {
            person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(x => x.DocumentType == DocumentType.ResidentId && x.DocumentNumber == id, ct);
        }

        return new Subject(id, person?.Id ?? @case?.PersonId, contact, @case, person);
    }
}
