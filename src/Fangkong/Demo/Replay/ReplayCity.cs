using Fangkong.Cases;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Demo.Replay;

/// <summary>
/// The city as the replay sees it at the start of a day: its residents (read once, in the order of
/// their communities and households, so that a tube holds neighbours), and from the database who
/// is already a case, who is a contact, and which asymptomatic infections have not converted. The
/// state is read again each day, so a replay can start from any prepared database.
/// </summary>
internal sealed class ReplayCity
{
    public sealed record Resident(int Index, long Id, string IdNumber, string Name, string RegionCode, string? HouseholdNo);

    /// <summary>An open close contact: identified before the day, not released, not a case.</summary>
    public sealed record OpenContact(Resident Person, DateOnly IdentifiedOn);

    public sealed record Unconverted(string CaseNo, Resident Person);

    private readonly Dictionary<string, Resident> _byIdNumber;

    private ReplayCity(List<Resident> residents)
    {
        Residents = residents;
        _byIdNumber = residents.GroupBy(r => r.IdNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }

    public IReadOnlyList<Resident> Residents { get; }

    /// <summary>People with a case record (any type): they are in hospital, never swabbed again nor infected twice.</summary>
    public HashSet<long> Cases { get; } = [];

    /// <summary>People with a contact record: taken already, never made contacts again.</summary>
    public HashSet<long> Contacts { get; } = [];

    public List<OpenContact> OpenContacts { get; } = [];

    public List<Unconverted> UnconvertedAsymptomatic { get; } = [];

    public Resident? Find(string idNumber) => _byIdNumber.GetValueOrDefault(idNumber);

    public static async Task<ReplayCity> LoadAsync(FangkongDbContext db, string city, CancellationToken ct)
    {
        var rows = await db.Persons.AsNoTracking().Where(p => p.RegionCode.StartsWith(city))
            .OrderBy(p => p.RegionCode).ThenBy(p => p.HouseholdNo).ThenBy(p => p.Id)
            .Select(p => new { p.Id, p.DocumentNumber, p.Name, p.RegionCode, p.HouseholdNo })
            .ToListAsync(ct);
        return new ReplayCity(rows.Select((p, i) => new Resident(i, p.Id, p.DocumentNumber, p.Name, p.RegionCode, p.HouseholdNo)).ToList());
    }

    /// <summary>Reads the cases and contacts of the city as they stand before <paramref name="day"/>.</summary>
    public async Task RefreshAsync(FangkongDbContext db, string city, DateOnly day, CancellationToken ct)
    {
        Cases.Clear();
        Contacts.Clear();
        OpenContacts.Clear();
        UnconvertedAsymptomatic.Clear();
        var cases = await db.Cases.AsNoTracking().Where(c => c.RegionCode.StartsWith(city))
            .Select(c => new { c.CaseNo, c.IdNumber, c.Type, c.ReportedOn, c.ConvertedFromCaseNo })
            .ToListAsync(ct);
        var converted = cases.Where(c => c.ConvertedFromCaseNo != null).Select(c => c.ConvertedFromCaseNo!).ToHashSet(StringComparer.Ordinal);
        foreach (var c in cases)
        {
            if (Find(c.IdNumber) is not { } person)
            {
                continue;
            }

            Cases.Add(person.Id);
            if (c.Type == CaseType.Asymptomatic && c.ReportedOn < day && !converted.Contains(c.CaseNo))
            {
                UnconvertedAsymptomatic.Add(new Unconverted(c.CaseNo, person));
            }
        }

        var contacts = await db.Contacts.AsNoTracking().Where(c => c.RegionCode.StartsWith(city))
            .Select(c => new { c.IdNumber, c.Kind, c.IdentifiedOn, c.ReleasedOn })
            .ToListAsync(ct);
        foreach (var c in contacts)
        {
            if (Find(c.IdNumber) is not { } person)
            {
                continue;
            }

            Contacts.Add(person.Id);
            if (c.Kind == ContactKind.Close && c.IdentifiedOn < day && (c.ReleasedOn is null || c.ReleasedOn >= day) && !Cases.Contains(person.Id))
            {
                OpenContacts.Add(new OpenContact(person, c.IdentifiedOn));
            }
        }

        // Oldest first, so that the order (and the seed's picks) do not depend on the database's.
        UnconvertedAsymptomatic.Sort((a, b) => string.CompareOrdinal(a.CaseNo, b.CaseNo));
        OpenContacts.Sort((a, b) => a.Person.Index.CompareTo(b.Person.Index));
    }
}
