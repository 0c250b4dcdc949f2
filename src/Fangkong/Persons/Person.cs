using Fangkong.Access;

namespace Fangkong.Persons;

/// <summary>
/// A resident. The identity document (type + number) is the natural key: re-importing the same
/// document updates the person, never duplicates.
/// </summary>
public sealed class Person : IRegionScoped
{
    public const int NameMaxLength = 50;
    public const int DocumentNumberMaxLength = 32;
    public const int PhoneMaxLength = 20;
    public const int RoomMaxLength = 20;
    public const int HouseholdNoMaxLength = 32;

    private Person()
    {
        DocumentNumber = string.Empty;
        Name = string.Empty;
        RegionCode = string.Empty;
    }

    public Person(DocumentType documentType, string documentNumber, string name, string regionCode)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(documentNumber);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        DocumentType = documentType;
        DocumentNumber = documentNumber;
        Name = name;
        RegionCode = regionCode;
    }

    public long Id { get; private set; }

    public DocumentType DocumentType { get; private set; }

    public string DocumentNumber { get; private set; }

    public string Name { get; private set; }

    public Sex Sex { get; set; }

    public DateOnly? BirthDate { get; set; }

    public string? Phone { get; set; }

    /// <summary>The community (12 digits) or other region of residence.</summary>
    public string RegionCode { get; private set; }

    public long? CompoundId { get; set; }

    public long? BuildingId { get; set; }

    public long? BuildingUnitId { get; set; }

    public string? Room { get; set; }

    /// <summary>
    /// The address order of the door-to-door list (compound, building, unit, room numerically),
    /// computed by the database from the four fields above (migration 0175, ADR 0035); read-only here.
    /// </summary>
    public string? DoorKey { get; private set; }

    public string? HouseholdNo { get; set; }

    public HealthCode HealthCode { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
    }

    public void MoveTo(string regionCode) => RegionCode = regionCode;
}
