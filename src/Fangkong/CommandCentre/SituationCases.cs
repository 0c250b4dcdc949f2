using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.CommandCentre;

/// <summary>
/// New local cases (本土) of a city or county per day and type over the trend's days, today's also
/// by reporting unit (a city's counties, a county's townships), in one grouped query, and the names
/// in one more. The same rows the day's bulletin counts as new (<see cref="BuildDailyBulletin"/>:
/// reported that day in the region, not imported), without the bulletin's dozen other reads
/// (outcomes, contacts, hospital standing, flow), which the situation view does not show.
/// </summary>
internal static class SituationCases
{
    public sealed record Read(string RegionName, IReadOnlyDictionary<(DateOnly On, CaseType Type), int> ByDay, SituationFigures.CasesToday Today);

    public static async Task<Result<Read>> ReadAsync(FangkongDbContext db, string code, DateOnly from, DateOnly today, CancellationToken ct)
    {
        if (!db.Jurisdiction.Covers(code))
        {
            // A partial count would look like a complete one: refuse rather than under-report (as the bulletin does).
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction-2", code));
        }

        // The bulletin's units: a city reports by county (6 digits), a county by township (9).
        var unitLength = code.Length == 4 ? 6 : 9;
        var rows = await db.Cases.AsNoTracking()
            .Where(c => c.RegionCode.StartsWith(code) && c.ReportedOn >= from && c.ReportedOn <= today && c.Source != CaseSource.Import)
            .GroupBy(c => new { c.ReportedOn, c.Type, Unit = c.RegionCode.Substring(0, unitLength) })
            .Select(g => new { g.Key.ReportedOn, g.Key.Type, g.Key.Unit, Count = g.Count() })
            .ToListAsync(ct);
        var todays = rows.Where(r => r.ReportedOn == today).ToList();
        var codes = todays.Select(r => r.Unit).Append(code).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => EF.Parameter(codes).Contains(r.Code))
            .Select(r => new { r.Code, r.Name, r.ShortName })
            .ToDictionaryAsync(r => r.Code, r => RegionShortNames.Of(r.Name, r.ShortName), StringComparer.Ordinal, ct);
        if (!names.TryGetValue(code, out var regionName))
        {
            return Error.NotFound(ErrorText.Of("error.cases.region-does-not-exist", code));
        }

        var byDay = rows.GroupBy(r => (r.ReportedOn, r.Type)).ToDictionary(g => g.Key, g => g.Sum(r => r.Count));
        int Of(string unit, CaseType type) => todays.Where(r => r.Unit == unit && r.Type == type).Sum(r => r.Count);
        var units = todays.Select(r => r.Unit).Distinct()
            .Select(u => new SituationFigures.UnitCases(u, names.GetValueOrDefault(u, u), Of(u, CaseType.Confirmed), Of(u, CaseType.Asymptomatic)))
            .OrderByDescending(u => u.Confirmed + u.Asymptomatic).ThenBy(u => u.Code, StringComparer.Ordinal)
            .ToList();
        var casesToday = new SituationFigures.CasesToday(
            todays.Where(r => r.Type == CaseType.Confirmed).Sum(r => r.Count), todays.Where(r => r.Type == CaseType.Asymptomatic).Sum(r => r.Count), units);
        return new Read(regionName, byDay, casesToday);
    }
}
