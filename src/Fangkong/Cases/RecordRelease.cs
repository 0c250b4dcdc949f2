using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Cases;

/// <summary>
/// Discharges a confirmed case (治愈出院) or releases an asymptomatic one from medical
/// observation (解除隔离医学观察), only when the release criterion of the treatment plan in force
/// is met by its tests (and clinical findings); the refusal says what is missing.
/// </summary>
public static class RecordRelease
{
    public sealed record Command(string CaseNo, [Happened] DateOnly On, IReadOnlyList<ReleaseCriterion.Test> Tests, ReleaseCriterion.Clinical? Clinical = null);

    public sealed record Recorded(CaseView Case, string TreatmentPlanCode, DateOnly? MonitoringUntil, AfterRelease AfterRelease);

    public static async Task<Result<Recorded>> HandleAsync(FangkongDbContext db, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(command);
        var found = await db.Cases.Include(c => c.SeverityHistory).FirstOrDefaultAsync(c => c.CaseNo == command.CaseNo, ct);
        if (found is null)
        {
            return Error.NotFound(ErrorText.Of("error.cases.case-does-not-exist-outside", command.CaseNo));
        }

        var judged = await CheckRelease.JudgeAsync(db, found, command.Tests, command.Clinical, ct);
        if (!judged.IsSuccess)
        {
            return judged.Error!;
        }

        var answer = judged.Value!;
        if (!answer.Assessment.Met)
        {
            return Error.Conflict(ErrorText.Of("error.cases.release-criteria-not-met", answer.TreatmentPlanCode).WithDetail(answer.Assessment.Reason));
        }

        var outcome = found.Type == CaseType.Confirmed ? CaseOutcome.Discharged : CaseOutcome.Released;
        var set = found.SetOutcome(outcome, command.On);
        if (!set.IsSuccess)
        {
            return set.Error!;
        }

        await db.SaveChangesAsync(ct);
        return new Recorded(CaseView.From(found, db.Jurisdiction, withHistory: true), answer.TreatmentPlanCode, answer.Assessment.MonitoringUntil, answer.AfterRelease);
    }
}
