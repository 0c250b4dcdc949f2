using Fangkong.Access;

namespace Fangkong.Persons;

/// <summary>A person as shown to a caller: document number and phone masked unless the role needs them.</summary>
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
            p.BirthDate,
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
