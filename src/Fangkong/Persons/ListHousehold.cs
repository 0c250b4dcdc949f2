using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Persons;

/// <summary>
/// The other members of a person's household (同户人员), within the jurisdiction: the first
/// people an investigator or a community worker needs after the person. The read is audited.
/// </summary>
public static class ListHousehold
{
    public const int MaxMembers = 50;

    public static async Task<IReadOnlyList<PersonView>> HandleAsync(FangkongDbContext db, PersonView person, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(person);
        if (string.IsNullOrEmpty(person.HouseholdNo))
        {
            return [];
        }

        var members = await db.Persons.AsNoTracking()
            .Where(p => p.HouseholdNo == person.HouseholdNo && p.Id != person.Id)
            .OrderBy(p => p.BirthDate).ThenBy(p => p.Id)
            .Take(MaxMembers)
            .ToListAsync(ct);
        if (members.Count > 0)
        {
            await db.AuditSearchAsync(nameof(Person), $"household={person.HouseholdNo}", members.Select(m => m.Id).ToList(), person.RegionCode, ct);
        }

        return members.Select(m => PersonView.From(m, db.Jurisdiction)).ToList();
    }
}
