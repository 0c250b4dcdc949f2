namespace Fangkong.Areas;

/// <summary>The kind of unit a criteria line is about.</summary>
public enum AreaUnitKind
{
    Region,
    Compound,
    Building,
}

/// <summary>
/// The facts of one unit (region, compound or building) on one day and which lifting criteria
/// hold (DOMAIN §3, the same three as an infection-free compound):
/// no new infection for the clean days; the last close contact that many days past exposure and
/// negative since; a full testing round within the window, complete and all negative.
/// </summary>
/// <param name="Key">The region code, or the compound's or building's id as text.</param>
/// <param name="Residents">Registered residents of the unit.</param>
/// <param name="LastInfectionOn">The report date of the unit's last new infection (conversions and imported cases left out), on or before the day.</param>
/// <param name="LastContactExposureOn">The last exposure (or, when unknown, identification) of a close contact living in the unit.</param>
/// <param name="LastContactTestedNegative">Whether every close contact of that last date had a negative sample taken after the exposure; null without contacts.</param>
/// <param name="RoundId">The latest round in the window that covers the unit; null when none does.</param>
/// <param name="RoundNegative">Residents with a negative result in that round.</param>
/// <param name="RoundPositive">Residents in a positive tube of that round.</param>
/// <param name="RoundExempted">Residents exempted from it (tested elsewhere) and not sampled.</param>
public sealed record AreaCriteria(
    AreaUnitKind Kind,
    string Key,
    string Name,
    string RegionCode,
    DateOnly Day,
    long Residents,
    DateOnly? LastInfectionOn,
    DateOnly? LastContactExposureOn,
    bool? LastContactTestedNegative,
    long? RoundId,
    DateOnly? RoundOn,
    long RoundNegative,
    long RoundPositive,
    long RoundExempted,
    bool NoNewInfection,
    bool ContactsCleared,
    bool RoundClean)
{
    /// <summary>Whole days since the last new infection; null when there was none.</summary>
    public int? CleanDays => LastInfectionOn is { } last ? Day.DayNumber - last.DayNumber : null;

    /// <summary>Residents neither negative in the round nor exempted from it.</summary>
    public long RoundMissing => RoundId is null ? Residents : Math.Max(0, Residents - RoundNegative - RoundExempted);

    /// <summary>All three criteria hold: a sealed or controlled area may be lifted, a compound is infection-free.</summary>
    public bool AllHold => NoNewInfection && ContactsCleared && RoundClean;
}
