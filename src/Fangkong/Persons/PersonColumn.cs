namespace Fangkong.Persons;

/// <summary>The columns of a persons import file (see <see cref="PersonCsvReader"/> for names and aliases).</summary>
public enum PersonColumn
{
    IdNumber,
    Name,
    Sex,
    BirthDate,
    Phone,
    RegionCode,
    Compound,
    Building,
    Unit,
    Room,
    HouseholdNo,
    DocumentType,
    HealthCode,
}
