using Fangkong.Access;

namespace Fangkong.Persons;

/// <summary>
/// A person as shown to a caller: document number and phone masked unless the role needs them.
/// A masked view carries no birth date: the mask hides exactly the birth-date digits, so giving the
/// date back would give the number back (issue 14; ADR 0016).
/// </summary>
public sealed record PersonView(
    long Id,
    DocumentType DocumentType,
    string DocumentNumber,
    string Name,
    Sex Sex,
    DateOnly? BirthDate,
    string Phone,
    string RegionCode,
    string? Compound,
    string? Building,
    string? Unit,
    string? Room,
    string? HouseholdNo,
    HealthCode HealthCode,
    bool Masked)
{
    public static PersonView From(Person p, Jurisdiction jurisdiction, string? compound = null, string? building = null, string? unit = null)
    {
        var full = jurisdiction.SeesFullIdentity;
        return new PersonView(
            p.Id,
            p.DocumentType,
            full ? p.DocumentNumber : Masking.IdNumber(p.DocumentNumber),
            p.Name,
            p.Sex,
            full ? p.BirthDate : null,
            full ? p.Phone ?? string.Empty : Masking.Phone(p.Phone),
            p.RegionCode,
            compound,
            building,
            unit,
            p.Room,
            p.HouseholdNo,
            p.HealthCode,
            Masked: !full);
    }
}
