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

        var members = db.Persons.AsNoTracking().Where(p => p.HouseholdNo == person.HouseholdNo && p.Id != person.Id);

        // Oldest first where birth dates may be seen; otherwise the order itself would rank the hidden dates.
        members = db.Jurisdiction.SeesFullIdentity ? members.OrderBy(p => p.BirthDate).ThenBy(p => p.Id) : members.OrderBy(p => p.Id);
        var list = await members
            .Take(MaxMembers)
            .ToListAsync(ct);
        if (list.Count > 0)
        {
            await db.AuditSearchAsync(nameof(Person), $"household={person.HouseholdNo}", list.Select(m => m.Id).ToList(), person.RegionCode, ct);
        }

        return list.Select(m => PersonView.From(m, db.Jurisdiction)).ToList();
    }
}
