using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases;

/// <summary>
/// Whether a case may be discharged (confirmed) or released from medical observation
/// (asymptomatic) on its test results, under the plan version in force in its region on the day
/// of its last test; the answer names the version it was judged under.
/// </summary>
public static class CheckRelease
{
    /// <summary>China Standard Time: the plan's days are local days.</summary>
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public sealed record Answer(string CaseNo, long PolicyVersionId, string PolicyCode, ReleaseCriterion.Assessment Assessment);

    public static async Task<Result<Answer>> HandleAsync(FangkongDbContext db, string caseNo, IReadOnlyList<ReleaseCriterion.Test> tests, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(tests);
        var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.CaseNo == caseNo, ct);
        if (found is null)
        {
            return Error.NotFound($"病例 {caseNo} 不存在或不在您的辖区内 (case {caseNo} does not exist or is outside your jurisdiction).");
        }

        if (found.Outcome == CaseOutcome.Died)
        {
            return Error.Conflict($"病例 {caseNo} 已死亡 (case {caseNo} has died).");
        }

        var on = tests.Count == 0 ? found.ReportedOn : DateOnly.FromDateTime(tests.Max(t => t.TakenAt).ToOffset(China).DateTime);
        var policy = await PolicyVersions.InForceAsync(db, found.RegionCode, on, ct);
        if (!policy.IsSuccess)
        {
            return policy.Error!;
        }

        return new Answer(found.CaseNo, policy.Value!.Id, policy.Value.Code, ReleaseCriterion.Evaluate(policy.Value, tests, China));
    }
}
