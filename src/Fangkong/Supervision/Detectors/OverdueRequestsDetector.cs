using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Livelihood.Requests;
using Fangkong.Supervision.Findings;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Detectors;

/// <summary>
/// 群众诉求超时未办: open residents' requests past their clock by more than <c>GraceHours</c>
/// (default 2). One finding per community (or district queue) and China day, owned by the
/// community's unit and official (属地责任). Looks back <c>LookbackDays</c> (default 3).
/// </summary>
public sealed class OverdueRequestsDetector : IFindingDetector
{
    public const string DetectorKey = "requests-overdue";

    public string Key => DetectorKey;

    public string Title => "群众诉求超时未办";

    public TimeSpan DefaultInterval => TimeSpan.FromMinutes(30);

    private static readonly DetectorParameter GraceHoursParameter = new("GraceHours", 2, 0, 48);
    private static readonly DetectorParameter LookbackDaysParameter = new("LookbackDays", 3, 1, 30);

    public IReadOnlyList<DetectorParameter> Parameters => [GraceHoursParameter, LookbackDaysParameter];

    public async Task<IReadOnlyList<DetectedFinding>> DetectAsync(FangkongDbContext system, DetectorSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        now = now.ToUniversalTime();
        var latest = now - TimeSpan.FromHours(settings.Number(GraceHoursParameter));
        var earliest = now.AddDays(-settings.Number(LookbackDaysParameter));
        var late = await system.ResidentRequests().AsNoTracking()
            .Where(r => r.DueAt < latest && r.ReceivedAt >= earliest
                && (r.State == RequestState.Received || r.State == RequestState.Assigned || r.State == RequestState.InProgress))
            .Select(r => new { r.Id, r.RegionCode, r.Kind, r.DueAt })
            .ToListAsync(ct);
        var day = ChinaTime.DayOf(now).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return [.. late.GroupBy(r => r.RegionCode).Select(g =>
        {
            var count = g.Count();
            var sample = string.Join("、", g.OrderBy(r => r.DueAt).Take(5).Select(r => r.Id.ToString(CultureInfo.InvariantCulture)));
            return new DetectedFinding(
                $"{DetectorKey}:{g.Key}:{day}",
                g.Key,
                FindingCategory.Supplies,
                count >= 10 ? FindingSeverity.Serious : FindingSeverity.Major,
                string.Create(CultureInfo.InvariantCulture, $"{count} 件群众诉求超时未办结"),
                string.Create(CultureInfo.InvariantCulture, $"截至 {ChinaTime.Format(now)}，{count} 件群众诉求超过办理时限未办结（诉求编号 {sample}{(count > 5 ? " 等" : string.Empty)}）。")
                + string.Create(CultureInfo.InvariantCulture, $"{count} resident request(s) are past their deadline and not resolved."));
        })];
    }
}
