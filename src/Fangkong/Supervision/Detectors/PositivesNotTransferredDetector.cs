using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Supervision.Findings;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Detectors;

/// <summary>
/// 阳性未日清日结: positives (cases and asymptomatic infections) reported on a day and not checked
/// in at a site or hospital by that day's end (24:00 China time) plus <c>GraceHours</c> (default 0).
/// Check-in is read from the case's placement or from a transfer of the same identity number.
/// A conversion (无症状转确诊) is not a new positive. One finding per county and day, owned by the
/// county (the sending county dispatches). Looks back <c>LookbackDays</c> (default 7).
/// </summary>
public sealed class PositivesNotTransferredDetector : IFindingDetector
{
    public const string DetectorKey = "positives-not-transferred";

    public string Key => DetectorKey;

    public string Title => "阳性感染者未日清日结";

    public TimeSpan DefaultInterval => TimeSpan.FromMinutes(30);

    private static readonly DetectorParameter GraceHoursParameter = new("GraceHours", 0, 0, 48);
    private static readonly DetectorParameter LookbackDaysParameter = new("LookbackDays", 7, 1, 60);

    public IReadOnlyList<DetectorParameter> Parameters => [GraceHoursParameter, LookbackDaysParameter];

    public async Task<IReadOnlyList<DetectedFinding>> DetectAsync(FangkongDbContext system, DetectorSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        // Npgsql writes UTC instants only.
        now = now.ToUniversalTime();
        var grace = TimeSpan.FromHours(settings.Number(GraceHoursParameter));
        var today = ChinaTime.DayOf(now);
        var earliest = today.AddDays(-(int)settings.Number(LookbackDaysParameter));
        var cases = await system.Cases.AsNoTracking()
            .Where(c => c.ReportedOn >= earliest && c.ReportedOn <= today && c.ConvertedFromCaseNo == null)
            .Select(c => new { c.Id, c.CaseNo, c.IdNumber, c.RegionCode, c.ReportedOn })
            .ToListAsync(ct);
        // Only days whose deadline has passed can be judged.
        cases = [.. cases.Where(c => Deadline(c.ReportedOn, grace) < now)];
        if (cases.Count == 0)
        {
            return [];
        }

        var caseIds = cases.Select(c => c.Id).ToList();
        var idNumbers = cases.Select(c => c.IdNumber).Distinct().ToList();
        var placed = await system.Placements.AsNoTracking()
            .Where(p => p.CaseId != null && EF.Parameter(caseIds).Contains(p.CaseId.Value) && p.CheckedInAt != null)
            .Select(p => new { CaseId = p.CaseId!.Value, At = p.CheckedInAt!.Value })
            .ToListAsync(ct);
        var transferred = await system.TransferTasks.AsNoTracking()
            .Where(t => EF.Parameter(idNumbers).Contains(t.IdNumber) && t.CheckedInAt != null)
            .Select(t => new { t.IdNumber, At = t.CheckedInAt!.Value })
            .ToListAsync(ct);
        var placedAt = placed.ToLookup(p => p.CaseId, p => p.At);
        var transferredAt = transferred.ToLookup(t => t.IdNumber, t => t.At, StringComparer.Ordinal);

        var late = cases.Where(c =>
        {
            var deadline = Deadline(c.ReportedOn, grace);
            // A check-in on or after the report day counts; an earlier stay (an old quarantine) does not.
            var from = Start(c.ReportedOn);
            return !placedAt[c.Id].Concat(transferredAt[c.IdNumber]).Any(at => at >= from && at <= deadline);
        });
        var found = new List<DetectedFinding>();
        foreach (var group in late.GroupBy(c => (County: c.RegionCode.Length >= 6 ? c.RegionCode[..6] : c.RegionCode, c.ReportedOn)))
        {
            var count = group.Count();
            var day = group.Key.ReportedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var sample = string.Join("、", group.Take(5).Select(c => c.CaseNo));
            found.Add(new DetectedFinding(
                $"{DetectorKey}:{group.Key.County}:{day}",
                group.Key.County,
                FindingCategory.Quarantine,
                FindingSeverity.Serious,
                string.Create(CultureInfo.InvariantCulture, $"{day} 报告的 {count} 名阳性感染者未在当日转运入院（所）"),
                string.Create(CultureInfo.InvariantCulture, $"{day} 报告的阳性感染者中有 {count} 人截至 {ChinaTime.Format(Deadline(group.Key.ReportedOn, grace))} 未转运收治（{sample}{(count > 5 ? " 等" : string.Empty)}）。")
                + string.Create(CultureInfo.InvariantCulture, $"{count} positive(s) reported on {day} were not checked in by the end of the day.")));
        }

        return found;
    }

    private static DateTimeOffset Start(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);

    private static DateTimeOffset Deadline(DateOnly day, TimeSpan grace) => Start(day.AddDays(1)) + grace;
}
