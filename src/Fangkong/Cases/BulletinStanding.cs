using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases;

/// <summary>
/// The queries behind <see cref="CaseStanding"/> and <see cref="FoundWhere"/>: each is one grouped
/// or counted query the database answers from its indexes (report date, outcome date, case number),
/// so a bulletin of a day with thousands of cases stays a handful of round trips. Local cases only
/// (境外输入 are reported apart).
/// </summary>
internal static class BulletinStanding
{
    /// <summary>How far back the run of "出院人数超过入院人数" days is looked for.</summary>
    internal const int FlowLookbackDays = 60;

    internal sealed record Flow(int AdmittedToday, int LeftToday, int ExceedsDays);

    /// <summary>The start of 本次疫情 set on the region or the nearest region above it; null when none is set.</summary>
    public static async Task<DateOnly?> OutbreakStartAsync(FangkongDbContext db, RegionCode code, CancellationToken ct)
    {
        var chain = new List<string>();
        for (RegionCode? c = code; c is not null; c = c.Parent)
        {
            chain.Add(c.Value);
        }

        var set = await db.Regions.AsNoTracking().Where(r => chain.Contains(r.Code) && r.OutbreakStartsOn != null)
            .Select(r => new { r.Code, r.OutbreakStartsOn }).ToListAsync(ct);
        return set.OrderByDescending(r => r.Code.Length).Select(r => r.OutbreakStartsOn).FirstOrDefault();
    }

    /// <summary>Discharges and releases up to 24:00 of the day, of cases reported since the outbreak's start, by address region.</summary>
    public static async Task<List<(string RegionCode, int Count)>> RecoveredToDateAsync(FangkongDbContext db, string prefix, DateOnly date, DateOnly? since, CancellationToken ct)
    {
        var rows = await Local(db, prefix)
            .Where(c => (c.Outcome == CaseOutcome.Discharged || c.Outcome == CaseOutcome.Released) && c.OutcomeOn <= date && (since == null || c.ReportedOn >= since))
            .GroupBy(c => c.RegionCode)
            .Select(g => new { RegionCode = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => (r.RegionCode, r.Count)).ToList();
    }

    /// <summary>
    /// Patients in hospital at 24:00: reported by the day with no outcome by then. An asymptomatic
    /// record converted to a confirmed one (reported by the day) is the same patient and is not counted twice.
    /// </summary>
    public static async Task<int> InHospitalAsync(FangkongDbContext db, string prefix, DateOnly date, CancellationToken ct)
    {
        var open = Local(db, prefix).Where(c => c.ReportedOn <= date && (c.Outcome == null || c.OutcomeOn > date));
        var records = await open.CountAsync(ct);
        var superseded = await open.Where(a => a.Type == CaseType.Asymptomatic)
            .Join(db.Cases.Where(k => k.ConvertedFromCaseNo != null && k.ReportedOn <= date), a => a.CaseNo, k => k.ConvertedFromCaseNo, (a, k) => a.Id)
            .Distinct()
            .CountAsync(ct);
        return records - superseded;
    }

    /// <summary>
    /// Admissions (new local infections; a conversion was admitted as asymptomatic) and leavers
    /// (discharges and releases) per day over the look-back, and the run of days ending on
    /// <paramref name="date"/> on which more left than were admitted.
    /// </summary>
    public static async Task<Flow> FlowAsync(FangkongDbContext db, string prefix, DateOnly date, CancellationToken ct)
    {
        var from = date.AddDays(-(FlowLookbackDays - 1));
        var admitted = await Local(db, prefix).Where(c => c.ConvertedFromCaseNo == null && c.ReportedOn >= from && c.ReportedOn <= date)
            .GroupBy(c => c.ReportedOn).Select(g => new { Day = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Day, g => g.Count, ct);
        var left = await Local(db, prefix)
            .Where(c => (c.Outcome == CaseOutcome.Discharged || c.Outcome == CaseOutcome.Released) && c.OutcomeOn >= from && c.OutcomeOn <= date)
            .GroupBy(c => c.OutcomeOn!.Value).Select(g => new { Day = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Day, g => g.Count, ct);
        var run = 0;
        for (var day = date; day >= from && left.GetValueOrDefault(day) > admitted.GetValueOrDefault(day); day = day.AddDays(-1))
        {
            run++;
        }

        return new Flow(admitted.GetValueOrDefault(date), left.GetValueOrDefault(date), run);
    }

    /// <summary>The day's new local cases by type and by where they were found.</summary>
    public static async Task<FoundWhere> FoundWhereAsync(FangkongDbContext db, string prefix, DateOnly date, CancellationToken ct)
    {
        var day = Local(db, prefix).Where(c => c.ReportedOn == date);
        var totals = await day.GroupBy(c => c.Type).Select(g => new { Type = g.Key, Count = g.Count() }).ToListAsync(ct);
        var classified = await day
            .Join(db.CaseClassifications, c => c.ConvertedFromCaseNo ?? c.CaseNo, k => k.CaseNo, (c, k) => new { c.Type, k.Level })
            .GroupBy(x => new { x.Type, x.Level })
            .Select(g => new { g.Key.Type, g.Key.Level, Count = g.Count() })
            .ToListAsync(ct);
        Detection Of(CaseType type)
        {
            int At(DetectionLevel level) => classified.Where(x => x.Type == type && x.Level == level).Sum(x => x.Count);
            var under = At(DetectionLevel.UnderControl);
            var social = At(DetectionLevel.SocialLevel);
            return new Detection(under, social, totals.Where(t => t.Type == type).Sum(t => t.Count) - under - social);
        }

        return new FoundWhere(Of(CaseType.Confirmed), Of(CaseType.Asymptomatic));
    }

    private static IQueryable<Case> Local(FangkongDbContext db, string prefix) =>
        db.Cases.AsNoTracking().Where(c => c.RegionCode.StartsWith(prefix) && c.Source != CaseSource.Import);
}
