using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine.HomeMonitoring;
using Fangkong.Supervision.Findings;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Detectors;

/// <summary>
/// 居家隔离人员脱管瞒报 (seed 000: a village official did not report her brother's drive out).
/// Late: a breach reported more than <c>Hours</c> (default 2, as home monitoring's own deadline)
/// after it happened. Never: a person under home quarantine whose movement pass was scanned at a
/// checkpoint on a day of the watch, with no breach recorded for that day <c>Hours</c> after the
/// scan. One finding per breach, or per watch and day; owned by the community. Looks back
/// <c>LookbackDays</c> (default 7).
/// </summary>
public sealed class HomeQuarantineBreachDetector : IFindingDetector
{
    public const string DetectorKey = "home-quarantine-breach";

    public string Key => DetectorKey;

    public string Title => "居家隔离人员脱管未及时上报";

    public TimeSpan DefaultInterval => TimeSpan.FromMinutes(30);

    private static readonly DetectorParameter HoursParameter = new("Hours", HomeMonitoringSettings.DefaultBreachReportHours, 0.25, 72);
    private static readonly DetectorParameter LookbackDaysParameter = new("LookbackDays", 7, 1, 60);

    public IReadOnlyList<DetectorParameter> Parameters => [HoursParameter, LookbackDaysParameter];

    public async Task<IReadOnlyList<DetectedFinding>> DetectAsync(FangkongDbContext system, DetectorSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        // Npgsql writes UTC instants only.
        now = now.ToUniversalTime();
        var limit = TimeSpan.FromHours(settings.Number(HoursParameter));
        var since = now - TimeSpan.FromDays(settings.Number(LookbackDaysParameter));
        var hours = limit.TotalHours.ToString("0.##", CultureInfo.InvariantCulture);
        var found = new List<DetectedFinding>();

        var breaches = await system.HomeBreaches.AsNoTracking().Where(b => b.OccurredAt >= since).ToListAsync(ct);
        foreach (var breach in breaches.Where(b => b.IsLate(limit)))
        {
            var delay = breach.Delay.TotalHours.ToString("0.#", CultureInfo.InvariantCulture);
            found.Add(new DetectedFinding(
                string.Create(CultureInfo.InvariantCulture, $"{DetectorKey}:late:{breach.Id}"),
                breach.RegionCode,
                FindingCategory.Quarantine,
                FindingSeverity.Major,
                $"居家隔离人员脱离管控 {delay} 小时后才上报",
                string.Create(CultureInfo.InvariantCulture, $"居家监测 {breach.WatchId}：{ChinaTime.Format(breach.OccurredAt)} 脱离管控，{ChinaTime.Format(breach.ReportedAt)} 才上报（时限 {hours} 小时）。")
                + $"A home-quarantine breach was reported {delay} h after it happened (limit {hours} h)."));
        }

        // A pass scanned at a checkpoint is a sign that its holder was out; under home quarantine that is a breach.
        var scans = await system.PassScans.AsNoTracking()
            .Where(s => s.ScannedAt >= since && s.PassId != null)
            .Join(system.Passes, s => s.PassId, p => p.Id, (s, p) => new { s.ScannedAt, s.CheckpointId, p.HolderIdNumber })
            .Where(x => x.HolderIdNumber != null)
            .ToListAsync(ct);
        scans = [.. scans.Where(s => s.ScannedAt + limit < now)];
        if (scans.Count == 0)
        {
            return found;
        }

        var holders = scans.Select(s => s.HolderIdNumber!).Distinct().ToList();
        var watches = await system.HomeWatches.AsNoTracking()
            .Where(w => w.Kind == HomeWatchKind.HomeQuarantine && EF.Parameter(holders).Contains(w.IdNumber))
            .Select(w => new { w.Id, w.IdNumber, w.RegionCode, w.StartsOn, w.EndsOn })
            .ToListAsync(ct);
        var watchIds = watches.Select(w => w.Id).ToList();
        var reported = (await system.HomeBreaches.AsNoTracking()
                .Where(b => EF.Parameter(watchIds).Contains(b.WatchId))
                .Select(b => new { b.WatchId, b.OccurredAt })
                .ToListAsync(ct))
            .Select(b => (b.WatchId, Day: ChinaTime.DayOf(b.OccurredAt)))
            .ToHashSet();
        var unreported = scans
            .SelectMany(s => watches.Where(w => w.IdNumber == s.HolderIdNumber), (s, w) => (Scan: s, Watch: w, Day: ChinaTime.DayOf(s.ScannedAt)))
            .Where(x => x.Watch.StartsOn <= x.Day && x.Day <= x.Watch.EndsOn && !reported.Contains((x.Watch.Id, x.Day)))
            .GroupBy(x => (x.Watch.Id, x.Day));
        foreach (var group in unreported)
        {
            var first = group.MinBy(x => x.Scan.ScannedAt);
            var day = group.Key.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            found.Add(new DetectedFinding(
                string.Create(CultureInfo.InvariantCulture, $"{DetectorKey}:unreported:{group.Key.Id}:{day}"),
                first.Watch.RegionCode,
                FindingCategory.Quarantine,
                FindingSeverity.Serious,
                $"居家隔离人员外出未上报（{day}）",
                string.Create(CultureInfo.InvariantCulture, $"居家监测 {group.Key.Id} 的隔离人员的通行证于 {ChinaTime.Format(first.Scan.ScannedAt)} 在卡点被扫码 {group.Count()} 次，")
                + $"{hours} 小时后仍无脱管上报记录。A person under home quarantine passed a checkpoint on {day} and no breach was reported."));
        }

        return found;
    }
}
