using System.Globalization;
using Fangkong.Cases;
using Fangkong.Cases.Bulletins;
using Fangkong.Data;
using Fangkong.Supervision.Findings;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Detectors;

/// <summary>
/// 瞒报迟报谎报、搞数字游戏: recomputes each published bulletin (its latest version) of the last
/// <c>LookbackDays</c> days (default 30) from the records and compares figure by figure. A
/// difference means the published figures no longer match the records — cases reported late or
/// backdated, or a bulletin that was never right. One finding per published version, naming the
/// figures that differ, owned by the region's unit.
/// </summary>
public sealed class BulletinMismatchDetector : IFindingDetector
{
    public const string DetectorKey = "bulletin-mismatch";

    public string Key => DetectorKey;

    public string Title => "已发布通报数据与记录不符";

    public TimeSpan DefaultInterval => TimeSpan.FromHours(1);

    private static readonly DetectorParameter LookbackDaysParameter = new("LookbackDays", 30, 1, 366);

    public IReadOnlyList<DetectorParameter> Parameters => [LookbackDaysParameter];

    public async Task<IReadOnlyList<DetectedFinding>> DetectAsync(FangkongDbContext system, DetectorSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        var since = Common.ChinaTime.DayOf(now).AddDays(-(int)settings.Number(LookbackDaysParameter));
        var published = (await system.PublishedBulletins.AsNoTracking().Where(p => p.Date >= since).ToListAsync(ct))
            .GroupBy(p => (p.RegionCode, p.Date))
            .Select(g => g.MaxBy(p => p.Version)!)
            .OrderBy(p => p.Date).ThenBy(p => p.RegionCode, StringComparer.Ordinal)
            .ToList();
        var found = new List<DetectedFinding>();
        foreach (var bulletin in published)
        {
            var recomputed = await BuildDailyBulletin.HandleAsync(system, bulletin.RegionCode, bulletin.Date, ct);
            if (!recomputed.IsSuccess)
            {
                continue;
            }

            var differences = BulletinFigures.Compare(BulletinFigures.Parse(bulletin.Figures), BulletinFigures.Of(recomputed.Value!));
            if (differences.Count == 0)
            {
                continue;
            }

            var listed = string.Join("；", differences.Take(10).Select(d => string.Create(CultureInfo.InvariantCulture, $"{d.Figure}：通报 {d.Published}，记录 {d.Now}")));
            var name = recomputed.Value!.Region.Name;
            found.Add(new DetectedFinding(
                string.Create(CultureInfo.InvariantCulture, $"{DetectorKey}:{bulletin.Id}"),
                bulletin.RegionCode,
                FindingCategory.Reporting,
                FindingSeverity.Serious,
                string.Create(CultureInfo.InvariantCulture, $"{name} {bulletin.Date:yyyy-MM-dd} 疫情通报（第 {bulletin.Version} 版）与记录不符（{differences.Count} 项）"),
                string.Create(CultureInfo.InvariantCulture, $"已发布通报 {bulletin.Id} 由 {bulletin.PublishedBy} 于 {Common.ChinaTime.Format(bulletin.PublishedAt)} 发布。{listed}")
                + (differences.Count > 10 ? $"；另有 {differences.Count - 10} 项" : string.Empty)
                + string.Create(CultureInfo.InvariantCulture, $"。 Published bulletin {bulletin.Id}: {differences.Count} figure(s) no longer match the records.")));
        }

        return found;
    }
}
