using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Persons;

/// <summary>One person's full record, with the address names; the read itself is audited.</summary>
public static class GetPerson
{
    public static async Task<Result<PersonView>> HandleAsync(FangkongDbContext db, long id, CancellationToken ct = default)
    {
        // The jurisdiction filter makes a person outside it indistinguishable from a missing one.
        var person = await db.Persons.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (person is null)
        {
            return Error.NotFound(ErrorText.Of("error.persons.person-does-not-exist-outside", id));
        }

        var compound = person.CompoundId is { } c ? await db.Compounds.Where(x => x.Id == c).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var building = person.BuildingId is { } b ? await db.Buildings.Where(x => x.Id == b).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        var unit = person.BuildingUnitId is { } u ? await db.BuildingUnits.Where(x => x.Id == u).Select(x => x.Name).FirstOrDefaultAsync(ct) : null;
        await db.AuditReadAsync(nameof(Person), id.ToString(System.Globalization.CultureInfo.InvariantCulture), person.RegionCode, ct);
        return PersonView.From(person, db.Jurisdiction, compound, building, unit);
    }
}
