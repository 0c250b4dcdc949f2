using Fangkong.Data;
using Fangkong.Supervision.Findings;
using Fangkong.Supervision.Inspections;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision;

/// <summary>
/// The supervision dashboard for the caller's jurisdiction: findings by state, the age of those
/// not yet verified, by responsible unit (the units with most open findings first), overdue,
/// escalated, the rectification rate (verified ÷ all), inspections by state, and the detectors'
/// last runs. Counts are made by the database; only the unit table is cut to the top rows.
/// </summary>
public static class SupervisionDashboard
{
    public const int TopUnits = 20;

    public sealed record AgeBuckets(int UnderOneDay, int OneToThreeDays, int ThreeToSevenDays, int OverSevenDays);

    public sealed record UnitLine(long OrganisationId, string Unit, string RegionCode, int Open, int Submitted, int Verified, int Overdue);

    public sealed record DetectorLine(string Key, string Title, DateTimeOffset? LastRunAt, int LastRaised, int TotalRaised, string? LastError);

    public sealed record View(
        int Total, int Open, int Submitted, int Verified, int Overdue, int Escalated, double RectificationRate, AgeBuckets Age,
        IReadOnlyList<UnitLine> Units, int InspectionsPlanned, int InspectionsInProgress, int InspectionsCompleted, IReadOnlyList<DetectorLine> Detectors,
        IReadOnlyDictionary<FindingSource, int> BySource);

    public static async Task<View> HandleAsync(FangkongDbContext db, TimeProvider time, bool seesPlannedUnannounced, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var now = time.GetUtcNow();
        var findings = db.Findings.AsNoTracking();
        var byStatus = await findings.GroupBy(f => f.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var bySource = await findings.GroupBy(f => f.Source).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var overdue = await findings.CountAsync(f => f.Status == FindingStatus.Open && f.Deadline < now, ct);
        var escalated = await findings.CountAsync(f => f.Status != FindingStatus.Verified && f.EscalationLevel > 0, ct);
        var (d1, d3, d7) = (now.AddDays(-1), now.AddDays(-3), now.AddDays(-7));
        var age = new AgeBuckets(
            await findings.CountAsync(f => f.Status != FindingStatus.Verified && f.RaisedAt > d1, ct),
            await findings.CountAsync(f => f.Status != FindingStatus.Verified && f.RaisedAt <= d1 && f.RaisedAt > d3, ct),
            await findings.CountAsync(f => f.Status != FindingStatus.Verified && f.RaisedAt <= d3 && f.RaisedAt > d7, ct),
            await findings.CountAsync(f => f.Status != FindingStatus.Verified && f.RaisedAt <= d7, ct));
        // One group per unit (a few thousand at most); ordered and cut here, where the ordering is plain C#.
        var units = (await findings
                .GroupBy(f => new { f.ResponsibleOrganisationId, f.ResponsibleUnit, f.RegionCode })
                .Select(g => new
                {
                    g.Key.ResponsibleOrganisationId,
                    g.Key.ResponsibleUnit,
                    g.Key.RegionCode,
                    Open = g.Sum(f => f.Status == FindingStatus.Open ? 1 : 0),
                    Submitted = g.Sum(f => f.Status == FindingStatus.RectificationSubmitted ? 1 : 0),
                    Verified = g.Sum(f => f.Status == FindingStatus.Verified ? 1 : 0),
                    Overdue = g.Sum(f => f.Status == FindingStatus.Open && f.Deadline < now ? 1 : 0),
                })
                .ToListAsync(ct))
            .Select(u => new UnitLine(u.ResponsibleOrganisationId, u.ResponsibleUnit, u.RegionCode, u.Open, u.Submitted, u.Verified, u.Overdue))
            .OrderByDescending(u => u.Overdue).ThenByDescending(u => u.Open).ThenBy(u => u.Unit, StringComparer.Ordinal)
            .Take(TopUnits)
            .ToList();
        IQueryable<Inspection> inspections = db.Inspections.AsNoTracking();
        if (!seesPlannedUnannounced)
        {
            inspections = inspections.Where(i => !(i.Kind == InspectionKind.Unannounced && i.Status == InspectionStatus.Planned));
        }

        var byInspection = await inspections.GroupBy(i => i.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var runs = await db.DetectorRuns.AsNoTracking().ToDictionaryAsync(r => r.Key, ct);
        var detectors = Detectors.DetectorCatalog.All.Select(d => runs.TryGetValue(d.Key, out var r)
            ? new DetectorLine(d.Key, d.Title, r.LastRunAt, r.LastRaised, r.TotalRaised, r.LastError)
            : new DetectorLine(d.Key, d.Title, null, 0, 0, null)).ToList();
        var total = byStatus.Values.Sum();
        var verified = byStatus.GetValueOrDefault(FindingStatus.Verified);
        return new View(
            total, byStatus.GetValueOrDefault(FindingStatus.Open), byStatus.GetValueOrDefault(FindingStatus.RectificationSubmitted), verified, overdue, escalated,
            total == 0 ? 0 : (double)verified / total, age, units,
            byInspection.GetValueOrDefault(InspectionStatus.Planned), byInspection.GetValueOrDefault(InspectionStatus.InProgress), byInspection.GetValueOrDefault(InspectionStatus.Completed),
            detectors, bySource);
    }
}
