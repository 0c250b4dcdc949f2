using Fangkong.Regions;

namespace Fangkong.Cases;

/// <summary>
/// The figures of one day's bulletin (每日疫情通报) for a region: new confirmed cases by severity
/// and reporting unit (conversions included, on the day the confirmed record is reported), new
/// asymptomatic infections, discharges, releases from medical observation, and the contacts
/// traced and released up to the end of the day. Rendered by <see cref="BulletinTextZh"/> and
/// <see cref="BulletinTextEn"/>.
/// </summary>
public sealed record DailyBulletin(
    DateOnly Date,
    BulletinRegion Region,
    NewConfirmed NewConfirmed,
    UnitFigures NewAsymptomatic,
    UnitFigures Discharged,
    UnitFigures ReleasedFromObservation,
    ContactsToDate ContactsToDate,
    ImportedCases? Imported = null,
    CaseStanding? Standing = null,
    FoundWhere? Found = null);

/// <summary>The region a bulletin covers.</summary>
public sealed record BulletinRegion(string Code, string Name, RegionLevel Level);

/// <summary>New confirmed cases, with their clinical types and how many were converted asymptomatic infections.</summary>
public sealed record NewConfirmed(int Total, int Mild, int Moderate, int Severe, int Critical, int Converted, IReadOnlyList<ConfirmedUnit> ByUnit);

/// <summary>One reporting unit's new confirmed cases and conversions among them.</summary>
public sealed record ConfirmedUnit(string Code, string Name, int Count, int Converted);

/// <summary>A total and its reporting units.</summary>
public sealed record UnitFigures(int Total, IReadOnlyList<UnitCount> ByUnit);

public sealed record UnitCount(string Code, string Name, int Count);

/// <summary>New cases imported from abroad (境外输入), counted apart from the local ones.</summary>
public sealed record ImportedCases(int Confirmed, int Asymptomatic);

/// <summary>
/// Contacts traced in this outbreak (本次疫情, identified on or after <paramref name="Since"/> when
/// a start is set) up to 24:00 of the day, and how many of them were released.
/// </summary>
public sealed record ContactsToDate(int Close, int CloseReleased, int Secondary, int SecondaryReleased, DateOnly? Since = null);

/// <summary>Ordering of the bulletin's lines: by count, largest first, ties by code.</summary>
public static class BulletinOrder
{
    public static IReadOnlyList<T> ByCount<T>(IEnumerable<T> units, Func<T, int> count, Func<T, string> code) =>
        units.Where(u => count(u) > 0).OrderByDescending(count).ThenBy(code, StringComparer.Ordinal).ToList();
}
