using System.ComponentModel.DataAnnotations;
using Fangkong.Common.Input;
using Fangkong.Common;

namespace Fangkong.Cases;

/// <summary>
/// The case-release criterion of the treatment plan in force (出院/解除隔离标准, <see cref="TreatmentPlan"/>):
/// the N and ORF genes both at or above the plan's Ct on the required number of consecutive tests,
/// each at least the required interval after the one before (a test below it, or without both Ct
/// values, breaks the run); under the 8th revised edition a confirmed case must also have had a
/// normal temperature for the plan's days with symptoms and lung imaging improved. Then the
/// plan's days of isolation or home monitoring.
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

    /// <summary>The clinician's findings a plan with clinical conditions needs: normal temperature since a day, symptoms and imaging improved.</summary>
    public sealed record Clinical([Happened] DateOnly? FeverFreeSince, bool SymptomsImproved, bool ImagingImproved);

    public sealed record Assessment(bool Met, string Reason, IReadOnlyList<Test> Qualifying, DateOnly? MonitoringUntil);

    /// <param name="confirmed">True for a confirmed case: only it is held to the plan's clinical conditions.</param>
    public static Assessment Evaluate(TreatmentPlan plan, IEnumerable<Test> tests, TimeSpan utcOffset, Clinical? clinical = null, bool confirmed = false)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(tests);
        var chain = LongestRun(plan, tests, out var best);
        if (chain is null)
        {
            return new Assessment(
                false,
                $"需要连续 {plan.ConsecutiveTests} 次 N 与 ORF 基因 Ct 值均 ≥ {plan.MinCt} 且间隔 ≥ {plan.IntervalHours} 小时，目前满足 {best.Count} 次 " +
                $"(needs {plan.ConsecutiveTests} consecutive tests with both genes at Ct ≥ {plan.MinCt}, ≥ {plan.IntervalHours} h apart; {best.Count} so far).",
                best,
                null);
        }

        var last = DateOnly.FromDateTime(chain[^1].TakenAt.ToOffset(utcOffset).DateTime);
        if (confirmed && ClinicalGap(plan, clinical, last) is { } gap)
        {
            return new Assessment(false, gap, chain, null);
        }

        var after = plan.AfterRelease == AfterRelease.HomeMonitoring ? "居家健康监测" : "隔离管理和健康监测";
        var afterEn = plan.AfterRelease == AfterRelease.HomeMonitoring ? "home health monitoring" : "isolation and health monitoring";
        return new Assessment(
            true,
            $"连续 {chain.Count} 次 N 与 ORF 基因 Ct 值均 ≥ {plan.MinCt}，间隔 ≥ {plan.IntervalHours} 小时；之后{after} {plan.AfterReleaseDays} 天 " +
            $"({chain.Count} consecutive tests with both genes at Ct ≥ {plan.MinCt}, ≥ {plan.IntervalHours} h apart; then {plan.AfterReleaseDays} days of {afterEn}).",
            chain,
            last.AddDays(plan.AfterReleaseDays));
    }

    /// <summary>The first run of passing tests long enough for the plan, or null (with the best run so far).</summary>
    private static List<Test>? LongestRun(TreatmentPlan plan, IEnumerable<Test> tests, out List<Test> best)
    {
        var interval = TimeSpan.FromHours(plan.IntervalHours);
        var chain = new List<Test>();
        best = [];
        foreach (var test in tests.OrderBy(t => t.TakenAt))
        {
            if (!test.Passes(plan.MinCt))
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

            if (chain.Count >= plan.ConsecutiveTests)
            {
                return chain;
            }
        }

        return null;
    }

    /// <summary>What a confirmed case still lacks of the plan's clinical conditions on <paramref name="day"/>, or null.</summary>
    private static string? ClinicalGap(TreatmentPlan plan, Clinical? clinical, DateOnly day)
    {
        if (plan.FeverFreeDays > 0 && (clinical?.FeverFreeSince is not { } since || day.DayNumber - since.DayNumber < plan.FeverFreeDays))
        {
            return ErrorText.Of("error.cases.temperature-been-normal-days", plan.FeverFreeDays);
        }

        if (plan.NeedsClinicalImprovement && clinical is not { SymptomsImproved: true, ImagingImproved: true })
        {
            return ErrorText.Of("error.cases.respiratory-symptoms-lung-imaging-clearly");
        }

        return null;
    }
}
