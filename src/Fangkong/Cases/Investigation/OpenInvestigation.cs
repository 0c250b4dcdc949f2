using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases.Investigation;

/// <summary>
/// Opens the investigation of a case (once: opening again returns the one there is), with the
/// deadline and look-back of the plan version in force for the case's region on its report
/// date, and the sampling date of its positive sample (the look-back's anchor for an asymptomatic
/// infection). Outside the jurisdiction the case is "not found".
/// </summary>
public static class OpenInvestigation
{
    public static async Task<Result<CaseInvestigation>> HandleAsync(FangkongDbContext db, long caseId, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await db.Cases.AsNoTracking().FirstOrDefaultAsync(c => c.Id == caseId, ct);
        if (found is null)
        {
            return NotFound(caseId);
        }

        var existing = await db.Investigations.Include(i => i.Itinerary).FirstOrDefaultAsync(i => i.CaseId == caseId, ct);
        if (existing is not null)
        {
            return existing;
        }

        var policy = await PolicyVersions.InForceAsync(db, found.RegionCode, found.ReportedOn, ct);
        if (!policy.IsSuccess)
        {
            return policy.Error!;
        }

        var sampled = await PositiveSampling.FirstSampledOnAsync(db, found, ct);
        var opened = CaseInvestigation.Open(found, policy.Value!, db.Jurisdiction.UserName, now, sampled);
        db.Investigations.Add(opened);
        await db.SaveChangesAsync(ct);
        return opened;
    }

    /// <summary>Opens an investigation for every case of the jurisdiction that has none yet (after a line-list import); returns how many.</summary>
    public static async Task<int> ForCasesWithoutAsync(FangkongDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var open = await db.Cases.AsNoTracking().Where(c => !db.Investigations.Any(i => i.CaseId == c.Id)).ToListAsync(ct);
        var policies = await db.PolicyVersions.AsNoTracking().ToListAsync(ct);
        var count = 0;
        foreach (var c in open)
        {
            if (PolicyVersions.InForce(policies, c.RegionCode, c.ReportedOn) is { } policy)
            {
                var sampled = await PositiveSampling.FirstSampledOnAsync(db, c, ct);
                db.Investigations.Add(CaseInvestigation.Open(c, policy, db.Jurisdiction.UserName, now, sampled));
                count++;
            }
        }

        await db.SaveChangesAsync(ct);
        return count;
    }

    internal static Error NotFound(long caseId) =>
        Error.NotFound(ErrorText.Of("error.cases.case-does-not-exist-outside", caseId));
}
