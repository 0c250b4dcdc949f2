using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases;

/// <summary>
/// Whether a case may be discharged (confirmed) or released from medical observation
/// (asymptomatic) on its test results (and, for a confirmed case under the 8th revised edition,
/// the clinician's findings), under the treatment plan (诊疗方案) in force in its region on the day
/// of its last test; the answer names the plan it was judged under and what follows the release.
/// </summary>
public static class CheckRelease
{
    public sealed record Answer(
        string CaseNo, long TreatmentPlanId, string TreatmentPlanCode, ReleaseCriterion.Assessment Assessment, AfterRelease AfterRelease, int AfterReleaseDays);

    /// <summary>
    /// Judges the case on <paramref name="tests"/>; when none are given, on the person's single-tube
    /// results from mass testing (negative tubes count as not detected).
    /// </summary>
    public static async Task<Result<Answer>> HandleAsync(
        FangkongDbContext db, string caseNo, IReadOnlyList<ReleaseCriterion.Test> tests, ReleaseCriterion.Clinical? clinical = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tests);
        var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.CaseNo == caseNo, ct);
        return found is null
            ? Error.NotFound(ErrorText.Of("error.cases.case-does-not-exist-outside", caseNo))
            : await JudgeAsync(db, found, tests, clinical, ct);
    }

    internal static async Task<Result<Answer>> JudgeAsync(
        FangkongDbContext db, Case found, IReadOnlyList<ReleaseCriterion.Test> tests, ReleaseCriterion.Clinical? clinical, CancellationToken ct)
    {
        if (found.Outcome == CaseOutcome.Died)
        {
            return Error.Conflict(ErrorText.Of("error.cases.case-died", found.CaseNo));
        }

        if (tests.Count == 0 && found.PersonId is { } personId)
        {
            tests = await SingleTubeTestsAsync(db, personId, ct);
        }

        var on = tests.Count == 0 ? found.ReportedOn : ChinaTime.DayOf(tests.Max(t => t.TakenAt));
        var plan = await TreatmentPlans.InForceAsync(db, found.RegionCode, on, ct);
        if (!plan.IsSuccess)
        {
            return plan.Error!;
        }

        var p = plan.Value!;
        var assessment = ReleaseCriterion.Evaluate(p, tests, ChinaTime.Offset, clinical, found.Type == CaseType.Confirmed);
        return new Answer(found.CaseNo, p.Id, p.Code, assessment, p.AfterRelease, p.AfterReleaseDays);
    }

    private static async Task<IReadOnlyList<ReleaseCriterion.Test>> SingleTubeTestsAsync(FangkongDbContext db, long personId, CancellationToken ct) =>
        await (from s in db.Samples.AsNoTracking()
               join t in db.Tubes.AsNoTracking() on s.TubeId equals t.Id
               where s.PersonId == personId && t.PoolSize == 1 && t.Result != null && t.Result != Testing.TestResult.Invalid
               select new ReleaseCriterion.Test(s.SampledAt, t.CtN, t.CtOrf, t.Result == Testing.TestResult.Negative))
            .ToListAsync(ct);
}
