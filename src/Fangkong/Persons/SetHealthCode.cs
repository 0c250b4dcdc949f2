using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Persons;

/// <summary>
/// Changes a person's health-code colour. The write is checked against the caller's
/// jurisdiction and audited with the colour before and after by the DbContext.
/// </summary>
public static class SetHealthCode
{
    public static async Task<Result<PersonView>> HandleAsync(
        FangkongDbContext db, TimeProvider time, long id, string? colour, CancellationToken ct = default)
    {
        if (!EnumText.TryParse<HealthCode>(colour, out var code))
        {
            return Error.Invalid("healthCode", ErrorText.Of("error.persons.not-health-code-colour-use", colour));
        }

        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return Error.NotFound(ErrorText.Of("error.persons.person-does-not-exist-outside", id));
        }

        // Setting the same colour again is a no-op, so a retried request writes nothing twice.
        if (person.HealthCode != code)
        {
            person.HealthCode = code;
            person.UpdatedAt = time.GetUtcNow();
            await db.SaveChangesAsync(ct);
        }

        return PersonView.From(person, db.Jurisdiction);
    }
}
