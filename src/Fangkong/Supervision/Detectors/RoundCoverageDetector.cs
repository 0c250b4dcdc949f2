using System.Globalization;
using Fangkong.Data;
using Fangkong.Supervision.Findings;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Detectors;

/// <summary>
/// 应检尽检: a testing round past its deadline in which a community's residents sampled by the
/// deadline fall below <c>MinShare</c> (default 1.0, full coverage) of those who should be tested
/// (residents less those exempted and not sampled). One finding per round and community, owned by
/// the community. Rounds whose deadline passed within <c>LookbackDays</c> (default 7).
/// </summary>
public sealed class RoundCoverageDetector : IFindingDetector
{
    public const string DetectorKey = "round-coverage";

    public string Key => DetectorKey;

    public string Title => "全员核酸检测未全覆盖";

    public TimeSpan DefaultInterval => TimeSpan.FromMinutes(30);

    private static readonly DetectorParameter MinShareParameter = new("MinShare", 1.0, 0, 1);
    private static readonly DetectorParameter LookbackDaysParameter = new("LookbackDays", 7, 1, 60);

    public IReadOnlyList<DetectorParameter> Parameters => [MinShareParameter, LookbackDaysParameter];

    public async Task<IReadOnlyList<DetectedFinding>> DetectAsync(FangkongDbContext system, DetectorSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        var minShare = settings.Number(MinShareParameter);
        var since = now - TimeSpan.FromDays(settings.Number(LookbackDaysParameter));
        var rounds = await system.TestingRounds.AsNoTracking().Where(r => r.Deadline < now && r.Deadline >= since).OrderBy(r => r.Id).ToListAsync(ct);
        var found = new List<DetectedFinding>();
        foreach (var round in rounds)
        {
            var area = round.RegionCode;
            var deadline = round.Deadline;
            var residents = await system.Persons.AsNoTracking().Where(p => p.RegionCode.StartsWith(area))
                .GroupBy(p => p.RegionCode).Select(g => new { Region = g.Key, Count = g.LongCount() })
                .ToDictionaryAsync(x => x.Region, x => x.Count, StringComparer.Ordinal, ct);
            var sampled = await system.Samples.AsNoTracking()
                .Where(s => s.RoundId == round.Id && s.SampledAt <= deadline && s.PersonRegionCode != null && s.PersonRegionCode.StartsWith(area))
                .GroupBy(s => s.PersonRegionCode!)
                .Select(g => new { Region = g.Key, Count = g.Select(s => s.DocumentNumber).Distinct().LongCount() })
                .ToDictionaryAsync(x => x.Region, x => x.Count, StringComparer.Ordinal, ct);
            var exempted = await (
                    from e in ExemptedNotSwabbed.In(system, [round.Id], swabbedBy: deadline)
                    group e by e.RegionCode into g
                    select new { Region = g.Key, Count = g.LongCount() })
                .ToDictionaryAsync(x => x.Region, x => x.Count, StringComparer.Ordinal, ct);
            foreach (var (region, people) in residents.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                var should = people - exempted.GetValueOrDefault(region);
                var done = Math.Min(should, sampled.GetValueOrDefault(region));
                if (should <= 0 || (double)done / should >= minShare)
                {
                    continue;
                }

                var share = (double)done / should;
                found.Add(new DetectedFinding(
                    string.Create(CultureInfo.InvariantCulture, $"{DetectorKey}:{round.Id}:{region}"),
                    region,
                    FindingCategory.Testing,
                    share < 0.9 ? FindingSeverity.Serious : FindingSeverity.Major,
                    string.Create(CultureInfo.InvariantCulture, $"「{round.Name}」截止时未全覆盖：应检 {should} 人，已采 {done} 人（{share:P1}）"),
                    string.Create(CultureInfo.InvariantCulture, $"第 {round.Id} 轮「{round.Name}」截止时间 {Common.ChinaTime.Format(deadline)}，区划 {region} 应检 {should} 人，截止时已采样 {done} 人，")
                    + string.Create(CultureInfo.InvariantCulture, $"{should - done} 人未采（不落一人）。Round {round.Id}: {done} of {should} sampled in {region} by the deadline.")));
            }
        }

        return found;
    }
}
