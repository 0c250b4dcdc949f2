using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases;

/// <summary>
/// Computes one day's bulletin for a province, a city or a county. Reporting units: for a
/// province its cities, except the county-level cities flagged as reporting on their own line
/// (梅河口市); for a city its counties; for a county its townships. Counting is done by the
/// database, grouped by address region (a few thousand groups at most), and the groups are
/// folded into units here.
/// </summary>
public static class BuildDailyBulletin
{
    public static async Task<Result<DailyBulletin>> HandleAsync(FangkongDbContext db, string? region, DateOnly date, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!RegionCode.TryParse(region, out var code) || code.Level > RegionLevel.County)
        {
            return Error.Invalid("region", ErrorText.Of("error.cases.code-province-city-county", region));
        }

        var prefix = code.Value;
        if (!db.Jurisdiction.Covers(prefix))
        {
            // A partial count would look like a complete one: refuse rather than under-report.
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction-2", prefix));
        }

        var own = await db.Regions.AsNoTracking().Where(r => r.Code == prefix).Select(r => new { r.Name, r.ShortName }).FirstOrDefaultAsync(ct);
        if (own is null)
        {
            return Error.NotFound(ErrorText.Of("error.cases.region-does-not-exist", prefix));
        }

        var name = RegionShortNames.Of(own.Name, own.ShortName);
        var since = await BulletinStanding.OutbreakStartAsync(db, code, ct);

        var ownLine = code.Level == RegionLevel.Province
            ? (await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(prefix) && r.IsReportingUnit).Select(r => r.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal)
            : [];
        string UnitOf(string regionCode) => code.Level switch
        {
            RegionLevel.Province => ReportingUnits.ReportingUnitOf(RegionCode.Parse(regionCode), ownLine).Value,
            RegionLevel.City => regionCode[..Math.Min(6, regionCode.Length)],
            _ => regionCode[..Math.Min(9, regionCode.Length)],
        };

        var reported = await db.Cases.AsNoTracking()
            .Where(c => c.RegionCode.StartsWith(prefix) && c.ReportedOn == date)
            .GroupBy(c => new { c.RegionCode, c.Type, c.ReportedSeverity, Converted = c.ConvertedFromCaseNo != null, Imported = c.Source == CaseSource.Import })
            .Select(g => new { g.Key.RegionCode, g.Key.Type, g.Key.ReportedSeverity, g.Key.Converted, g.Key.Imported, Count = g.Count() })
            .ToListAsync(ct);
        var imported = new ImportedCases(
            reported.Where(r => r.Imported && r.Type == CaseType.Confirmed).Sum(r => r.Count),
            reported.Where(r => r.Imported && r.Type == CaseType.Asymptomatic).Sum(r => r.Count));

        // 本土: the bulletin's new cases are the local ones; imported cases are reported apart.
        reported = reported.Where(r => !r.Imported).ToList();
        var outcomes = await db.Cases.AsNoTracking()
            .Where(c => c.RegionCode.StartsWith(prefix) && c.OutcomeOn == date && c.Outcome != null)
            .GroupBy(c => new { c.RegionCode, c.Type, c.Outcome })
            .Select(g => new { g.Key.RegionCode, g.Key.Type, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.RegionCode.StartsWith(prefix) && c.IdentifiedOn <= date && (since == null || c.IdentifiedOn >= since))
            .GroupBy(c => c.Kind)
            .Select(g => new { Kind = g.Key, Total = g.Count(), Released = g.Sum(c => c.ReleasedOn != null && c.ReleasedOn <= date ? 1 : 0) })
            .ToListAsync(ct);

        var recovered = await BulletinStanding.RecoveredToDateAsync(db, prefix, date, since, ct);
        var unitCodes = reported.Select(r => UnitOf(r.RegionCode)).Concat(outcomes.Select(o => UnitOf(o.RegionCode))).Concat(recovered.Select(r => UnitOf(r.RegionCode))).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => unitCodes.Contains(r.Code))
            .ToDictionaryAsync(r => r.Code, r => RegionShortNames.Of(r.Name, r.ShortName), StringComparer.Ordinal, ct);
        string NameOf(string unit) => names.TryGetValue(unit, out var n) ? n : unit;

        var confirmed = reported.Where(r => r.Type == CaseType.Confirmed).ToList();
        int Of(Severity s) => confirmed.Where(r => r.ReportedSeverity == s).Sum(r => r.Count);
        var confirmedUnits = confirmed.GroupBy(r => UnitOf(r.RegionCode))
            .Select(g => new ConfirmedUnit(g.Key, NameOf(g.Key), g.Sum(r => r.Count), g.Where(r => r.Converted).Sum(r => r.Count)));
        var newConfirmed = new NewConfirmed(
            confirmed.Sum(r => r.Count), Of(Severity.Mild), Of(Severity.Moderate), Of(Severity.Severe), Of(Severity.Critical),
            confirmed.Where(r => r.Converted).Sum(r => r.Count),
            BulletinOrder.ByCount(confirmedUnits, u => u.Count, u => u.Code));

        UnitFigures Figures(IEnumerable<(string RegionCode, int Count)> rows)
        {
            var units = rows.GroupBy(r => UnitOf(r.RegionCode)).Select(g => new UnitCount(g.Key, NameOf(g.Key), g.Sum(r => r.Count))).ToList();
            return new UnitFigures(units.Sum(u => u.Count), BulletinOrder.ByCount(units, u => u.Count, u => u.Code));
        }

        var flow = await BulletinStanding.FlowAsync(db, prefix, date, ct);
        var close = contacts.FirstOrDefault(c => c.Kind == ContactKind.Close);
        var secondary = contacts.FirstOrDefault(c => c.Kind == ContactKind.Secondary);
        return new DailyBulletin(
            date,
            new BulletinRegion(prefix, name, code.Level),
            newConfirmed,
            Figures(reported.Where(r => r.Type == CaseType.Asymptomatic).Select(r => (r.RegionCode, r.Count))),
            Figures(outcomes.Where(o => o.Type == CaseType.Confirmed && o.Outcome == CaseOutcome.Discharged).Select(o => (o.RegionCode, o.Count))),
            Figures(outcomes.Where(o => o.Type == CaseType.Asymptomatic && o.Outcome == CaseOutcome.Released).Select(o => (o.RegionCode, o.Count))),
            new ContactsToDate(close?.Total ?? 0, close?.Released ?? 0, secondary?.Total ?? 0, secondary?.Released ?? 0, since),
            imported,
            new CaseStanding(
                Figures(outcomes.Where(o => o.Outcome == CaseOutcome.Died).Select(o => (o.RegionCode, o.Count))),
                Figures(recovered),
                await BulletinStanding.InHospitalAsync(db, prefix, date, ct),
                flow.AdmittedToday,
                flow.LeftToday,
                flow.ExceedsDays,
                since),
            await BulletinStanding.FoundWhereAsync(db, prefix, date, ct));
    }
}
