using System.Globalization;
using Fangkong.Data;
using Fangkong.Supervision.Findings;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Detectors;

/// <summary>
/// 混管追踪慢: registered members of a positive pool not put under control within <c>Hours</c>
/// (default 2) of the result reaching Fangkong — no control order for that tube, or one started
/// too late. One finding per tube and community, owned by the community. Looks back
/// <c>LookbackDays</c> (default 7) days of results.
/// </summary>
public sealed class PositivePoolControlDetector : IFindingDetector
{
    public const string DetectorKey = "positive-pool-control";

    public string Key => DetectorKey;

    public string Title => "混管阳性人员未及时管控";

    public TimeSpan DefaultInterval => TimeSpan.FromMinutes(10);

    private static readonly DetectorParameter HoursParameter = new("Hours", 2, 0.25, 72);
    private static readonly DetectorParameter LookbackDaysParameter = new("LookbackDays", 7, 1, 60);

    public IReadOnlyList<DetectorParameter> Parameters => [HoursParameter, LookbackDaysParameter];

    public async Task<IReadOnlyList<DetectedFinding>> DetectAsync(FangkongDbContext system, DetectorSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        var limit = TimeSpan.FromHours(settings.Number(HoursParameter));
        var since = now - TimeSpan.FromDays(settings.Number(LookbackDaysParameter));
        var cutoff = now - limit;
        var tubes = await system.Tubes.AsNoTracking()
            .Where(t => t.PoolSize > 1 && t.Result == TestResult.Positive && t.ResultReceivedAt != null && t.ResultReceivedAt >= since && t.ResultReceivedAt < cutoff)
            .Select(t => new { t.Id, t.Barcode, t.RoundId, ReceivedAt = t.ResultReceivedAt!.Value })
            .ToListAsync(ct);
        if (tubes.Count == 0)
        {
            return [];
        }

        var ids = tubes.Select(t => t.Id).ToList();
        var members = await system.Samples.AsNoTracking()
            .Where(s => EF.Parameter(ids).Contains(s.TubeId) && s.PersonId != null && s.PersonRegionCode != null)
            .Select(s => new { s.TubeId, PersonId = s.PersonId!.Value, Region = s.PersonRegionCode! })
            .ToListAsync(ct);
        var orders = (await system.ControlOrders.AsNoTracking()
                .Where(o => o.TubeId != null && EF.Parameter(ids).Contains(o.TubeId.Value))
                .Select(o => new { TubeId = o.TubeId!.Value, o.PersonId, o.StartedAt })
                .ToListAsync(ct))
            .ToLookup(o => (o.TubeId, o.PersonId));
        var found = new List<DetectedFinding>();
        foreach (var tube in tubes)
        {
            var deadline = tube.ReceivedAt + limit;
            var late = members.Where(m => m.TubeId == tube.Id)
                .Where(m => !orders[(tube.Id, m.PersonId)].Any(o => o.StartedAt <= deadline))
                .GroupBy(m => m.Region, StringComparer.Ordinal);
            foreach (var community in late)
            {
                var count = community.Select(m => m.PersonId).Distinct().Count();
                var hours = limit.TotalHours.ToString("0.##", CultureInfo.InvariantCulture);
                found.Add(new DetectedFinding(
                    string.Create(CultureInfo.InvariantCulture, $"{DetectorKey}:{tube.Id}:{community.Key}"),
                    community.Key,
                    FindingCategory.Tracing,
                    FindingSeverity.Serious,
                    $"混管 {tube.Barcode} 阳性，{count} 名人员未在 {hours} 小时内管控",
                    $"混管 {tube.Barcode}（第 {tube.RoundId} 轮）结果于 {Common.ChinaTime.Format(tube.ReceivedAt)} 回报阳性，区划 {community.Key} 的 {count} 名混管人员"
                    + $"截至 {Common.ChinaTime.Format(deadline)} 未落实就地管控。Positive pool {tube.Barcode}: {count} member(s) in {community.Key} not under control within {hours} h."));
            }
        }

        return found;
    }
}
