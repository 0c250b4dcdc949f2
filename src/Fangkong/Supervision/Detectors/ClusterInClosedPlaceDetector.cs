using System.Globalization;
using Fangkong.Cases.Clusters;
using Fangkong.Data;
using Fangkong.Supervision.Findings;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Detectors;

/// <summary>
/// A cluster in a place under closed management (nursing home, school, closed-loop enterprise) or
/// inside a hospital (院内感染) with at least <c>MinCases</c> cases (default 2): closed management
/// or infection control failed there. One finding per cluster, owned by the unit running the place.
/// </summary>
public sealed class ClusterInClosedPlaceDetector : IFindingDetector
{
    public const string DetectorKey = "cluster-closed-place";

    public string Key => DetectorKey;

    public string Title => "封闭管理场所或医院发生聚集性疫情";

    public TimeSpan DefaultInterval => TimeSpan.FromMinutes(60);

    private static readonly DetectorParameter MinCasesParameter = new("MinCases", 2, 2, 1000);

    public IReadOnlyList<DetectorParameter> Parameters => [MinCasesParameter];

    public async Task<IReadOnlyList<DetectedFinding>> DetectAsync(FangkongDbContext system, DetectorSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        var minCases = (int)settings.Number(MinCasesParameter);
        var clusters = await system.Clusters.AsNoTracking()
            .Where(c => c.Status == ClusterStatus.Active && (c.NeedsSupervision || c.IsNosocomial) && c.CaseCount >= minCases)
            .OrderBy(c => c.Id)
            .ToListAsync(ct);
        return clusters.Select(c =>
        {
            var where = c.PlaceName ?? c.TargetKey;
            var kind = c.IsNosocomial ? "院内感染" : "封闭管理场所聚集性疫情";
            return new DetectedFinding(
                string.Create(CultureInfo.InvariantCulture, $"{DetectorKey}:{c.Id}"),
                c.RegionCode,
                c.IsNosocomial ? FindingCategory.InfectionControl : FindingCategory.ClosedManagement,
                FindingSeverity.Serious,
                string.Create(CultureInfo.InvariantCulture, $"{where}发生{kind}（{c.CaseCount} 例）"),
                string.Create(CultureInfo.InvariantCulture, $"聚集性疫情 {c.Id}：{where}，首例 {c.FirstCaseOn:yyyy-MM-dd}，最近一例 {c.LastCaseOn:yyyy-MM-dd}，共 {c.CaseCount} 例。")
                + string.Create(CultureInfo.InvariantCulture, $" Cluster {c.Id} at {where}: {c.CaseCount} cases ({(c.IsNosocomial ? "nosocomial" : "closed-management place")})."),
                c.PlaceId);
        }).ToList();
    }
}
