using System.Globalization;
using Fangkong.Data;
using Fangkong.Passes;
using Fangkong.Supervision.Findings;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Detectors;

/// <summary>
/// 通行证超期使用: a pass shown at a checkpoint before it starts or after it ends, by more than
/// <c>GraceMinutes</c> (default 0), at least <c>MinScans</c> times (default 1) within the last
/// <c>LookbackHours</c> (default 48). One finding per pass and verdict, owned by the unit that
/// applied for the pass: it let its pass be used outside what was approved.
/// </summary>
public sealed class PassOutsideValidityDetector : IFindingDetector
{
    public const string DetectorKey = "pass-outside-validity";

    public string Key => DetectorKey;

    public string Title => "通行证超出有效期使用";

    public TimeSpan DefaultInterval => TimeSpan.FromMinutes(30);

    private static readonly DetectorParameter GraceMinutesParameter = new("GraceMinutes", 0, 0, 24 * 60);
    private static readonly DetectorParameter MinScansParameter = new("MinScans", 1, 1, 1000);
    private static readonly DetectorParameter LookbackHoursParameter = new("LookbackHours", 48, 1, 24 * 31);

    public IReadOnlyList<DetectorParameter> Parameters => [GraceMinutesParameter, MinScansParameter, LookbackHoursParameter];

    public async Task<IReadOnlyList<DetectedFinding>> DetectAsync(FangkongDbContext system, DetectorSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        // Npgsql writes UTC instants only.
        now = now.ToUniversalTime();
        var grace = TimeSpan.FromMinutes(settings.Number(GraceMinutesParameter));
        var minScans = (int)settings.Number(MinScansParameter);
        var since = now - TimeSpan.FromHours(settings.Number(LookbackHoursParameter));
        var scans = await system.PassScans.AsNoTracking()
            .Where(s => s.ScannedAt >= since && s.PassId != null && (s.Verdict == PassVerdict.Expired || s.Verdict == PassVerdict.NotYetValid))
            .Join(system.Passes, s => s.PassId, p => p.Id, (s, p) => new
            {
                PassId = p.Id, p.OrganisationId, p.RegionCode, p.Kind, p.ValidFrom, p.ValidTo, s.ScannedAt, s.Verdict, s.CheckpointId,
            })
            .ToListAsync(ct);
        var found = new List<DetectedFinding>();
        foreach (var group in scans
                     .Where(s => s.Verdict == PassVerdict.Expired ? s.ScannedAt - s.ValidTo > grace : s.ValidFrom - s.ScannedAt > grace)
                     .GroupBy(s => (s.PassId, s.Verdict)))
        {
            var count = group.Count();
            if (count < minScans)
            {
                continue;
            }

            var first = group.MinBy(s => s.ScannedAt)!;
            var last = group.MaxBy(s => s.ScannedAt)!;
            var what = group.Key.Verdict == PassVerdict.Expired ? "过期后" : "生效前";
            var whatEn = group.Key.Verdict == PassVerdict.Expired ? "after it ended" : "before it started";
            found.Add(new DetectedFinding(
                string.Create(CultureInfo.InvariantCulture, $"{DetectorKey}:{group.Key.PassId}:{group.Key.Verdict}"),
                first.RegionCode,
                FindingCategory.Checkpoint,
                FindingSeverity.Major,
                string.Create(CultureInfo.InvariantCulture, $"通行证 {group.Key.PassId} 在有效期{what}被使用 {count} 次"),
                string.Create(CultureInfo.InvariantCulture, $"{PassKinds.Zh(first.Kind)}通行证 {group.Key.PassId}（有效期 {Common.ChinaTime.Format(first.ValidFrom)} 至 {Common.ChinaTime.Format(first.ValidTo)}）")
                + string.Create(CultureInfo.InvariantCulture, $"于 {Common.ChinaTime.Format(first.ScannedAt)} 至 {Common.ChinaTime.Format(last.ScannedAt)} 在卡点被出示 {count} 次。")
                + string.Create(CultureInfo.InvariantCulture, $"Pass {group.Key.PassId} was shown {count} time(s) {whatEn}."),
                OrganisationId: first.OrganisationId));
        }

        return found;
    }
}
