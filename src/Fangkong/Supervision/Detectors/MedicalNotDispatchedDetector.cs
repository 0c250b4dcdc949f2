using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Livelihood.Requests;
using Fangkong.Supervision.Findings;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Detectors;

/// <summary>
/// 急危重症未及时派车: an emergency trip to hospital not dispatched within <c>DispatchMinutes</c>
/// (default 30) of the request — still waiting, or dispatched late. One finding per trip, owned by
/// the community of the request. Looks back <c>LookbackDays</c> (default 3).
/// </summary>
public sealed class MedicalNotDispatchedDetector : IFindingDetector
{
    public const string DetectorKey = "medical-not-dispatched";

    public string Key => DetectorKey;

    public string Title => "急危重症就医未及时派车";

    public TimeSpan DefaultInterval => TimeSpan.FromMinutes(5);

    public static readonly DetectorParameter DispatchMinutesParameter = new("DispatchMinutes", 30, 5, 240);
    private static readonly DetectorParameter LookbackDaysParameter = new("LookbackDays", 3, 1, 30);

    public IReadOnlyList<DetectorParameter> Parameters => [DispatchMinutesParameter, LookbackDaysParameter];

    public async Task<IReadOnlyList<DetectedFinding>> DetectAsync(FangkongDbContext system, DetectorSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        now = now.ToUniversalTime();
        var limit = TimeSpan.FromMinutes(settings.Number(DispatchMinutesParameter));
        var judged = now - limit;
        var earliest = now.AddDays(-settings.Number(LookbackDaysParameter));
        var trips = await system.MedicalTrips().AsNoTracking()
            .Where(t => t.Emergency && t.RequestedAt >= earliest && t.RequestedAt < judged)
            .Select(t => new { t.Id, t.RequestId, t.RegionCode, t.Hospital, t.RequestedAt, t.DispatchedAt })
            .ToListAsync(ct);
        return [.. trips.Where(t => (t.DispatchedAt ?? now) - t.RequestedAt > limit).Select(t =>
        {
            var minutes = (int)((t.DispatchedAt ?? now) - t.RequestedAt).TotalMinutes;
            var state = t.DispatchedAt is null ? "仍未派车" : "派车";
            return new DetectedFinding(
                string.Create(CultureInfo.InvariantCulture, $"{DetectorKey}:{t.Id}"),
                t.RegionCode,
                FindingCategory.Supplies,
                FindingSeverity.Serious,
                string.Create(CultureInfo.InvariantCulture, $"急危重症就医诉求 {t.RequestId} 超过 {limit.TotalMinutes:0} 分钟未派车"),
                string.Create(CultureInfo.InvariantCulture, $"诉求 {t.RequestId}（送 {t.Hospital}）于 {ChinaTime.Format(t.RequestedAt)} 提出，{minutes} 分钟{state}。")
                + string.Create(CultureInfo.InvariantCulture, $"Emergency trip of request {t.RequestId} not dispatched within {limit.TotalMinutes:0} minutes ({minutes} min)."));
        })];
    }
}
