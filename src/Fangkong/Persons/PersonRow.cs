namespace Fangkong.Persons;

/// <summary>
/// One valid person to load in bulk, with the address by names (compound, building, unit, room).
/// A null <see cref="HealthCode"/> keeps the colour a re-imported person already has (green when new):
/// a roster update must not turn a red code green.
/// </summary>
public sealed record PersonRow(
    DocumentType DocumentType,
    string DocumentNumber,
    string Name,
    Sex Sex,
    DateOnly? BirthDate,
    string? Phone,
    string RegionCode,
    string? Compound,
    string? Building,
    string? Unit,
    string? Room,
    string? HouseholdNo,
    HealthCode? HealthCode);
