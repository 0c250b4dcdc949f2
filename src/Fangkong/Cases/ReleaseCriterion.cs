using System.ComponentModel.DataAnnotations;
using Fangkong.Common.Input;

namespace Fangkong.Cases;

/// <summary>
/// The case-release criterion of a plan version (出院/解除隔离标准): the N and ORF genes both at
/// or above the minimum Ct on the required number of consecutive tests, each at least the
/// required interval after the one before; then days of home health monitoring. A test below
/// the threshold (or without both Ct values) breaks the run.
/// </summary>
public static class ReleaseCriterion
{
    /// <summary>
    /// One nucleic-acid test of the patient: when it was taken and its Ct values. A test without
    /// a Ct value passes only when the lab reported it negative (<paramref name="NotDetected"/>).
    /// </summary>
    public sealed record Test([Happened] DateTimeOffset TakenAt, [Range(0, InputNumbers.CtMax)] double? CtN, [Range(0, InputNumbers.CtMax)] double? CtOrf, bool NotDetected = false)
    {
        public bool Passes(double minCt) => NotDetected || (CtN >= minCt && CtOrf >= minCt);
    }

    public sealed record Assessment(bool Met, string Reason, IReadOnlyList<Test> Qualifying, DateOnly? MonitoringUntil);

    public static Assessment Evaluate(PolicyVersion policy, IEnumerable<Test> tests, TimeSpan utcOffset)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(tests);
        var interval = TimeSpan.FromHours(policy.ReleaseIntervalHours);
        var chain = new List<Test>();
        var best = new List<Test>();
        foreach (var test in tests.OrderBy(t => t.TakenAt))
        {
            if (!test.Passes(policy.ReleaseMinCt))
            {
                chain.Clear();
                continue;
            }

            if (chain.Count == 0 || test.TakenAt - chain[^1].TakenAt >= interval)
            {
                chain.Add(test);
            }

            if (chain.Count > best.Count)
            {
                best = [.. chain];
            }

            if (chain.Count >= policy.ReleaseConsecutiveTests)
            {
                var last = DateOnly.FromDateTime(chain[^1].TakenAt.ToOffset(utcOffset).DateTime);
                return new Assessment(
                    true,
                    $"连续 {chain.Count} 次 N 与 ORF 基因 Ct 值均 ≥ {policy.ReleaseMinCt}，间隔 ≥ {policy.ReleaseIntervalHours} 小时；之后居家健康监测 {policy.ReleaseHomeMonitoringDays} 天 " +
                    $"({chain.Count} consecutive tests with both genes at Ct ≥ {policy.ReleaseMinCt}, ≥ {policy.ReleaseIntervalHours} h apart; then {policy.ReleaseHomeMonitoringDays} days of home monitoring).",
                    chain,
                    last.AddDays(policy.ReleaseHomeMonitoringDays));
            }
        }

        return new Assessment(
            false,
            $"需要连续 {policy.ReleaseConsecutiveTests} 次 N 与 ORF 基因 Ct 值均 ≥ {policy.ReleaseMinCt} 且间隔 ≥ {policy.ReleaseIntervalHours} 小时，目前满足 {best.Count} 次 " +
            $"(needs {policy.ReleaseConsecutiveTests} consecutive tests with both genes at Ct ≥ {policy.ReleaseMinCt}, ≥ {policy.ReleaseIntervalHours} h apart; {best.Count} so far).",
            best,
            null);
    }
}
