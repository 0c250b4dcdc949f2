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
            return Error.Invalid("healthCode", $"「{colour}」不是健康码颜色，应为 green、yellow 或 red ('{colour}' is not a health-code colour; use green, yellow or red).");
        }

        var person = await db.Persons.FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return Error.NotFound($"人员 {id} 不存在或不在您的辖区内 (Person {id} does not exist or is outside your jurisdiction).");
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
