using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases;

/// <summary>Which treatment plan (诊疗方案) is in force where and when; the set lives beside the prevention plans (<see cref="PolicyVersions"/>).</summary>
public static class TreatmentPlans
{
    /// <summary>The edition in force for <paramref name="regionCode"/> on <paramref name="date"/>, or not found.</summary>
    public static async Task<Result<TreatmentPlan>> InForceAsync(FangkongDbContext db, string regionCode, DateOnly date, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var candidates = await db.Set<TreatmentPlan>().AsNoTracking().Where(p => p.EffectiveFrom <= date).ToListAsync(ct);
        var plan = TreatmentPlan.InForce(candidates, regionCode, date);
        return plan is null
            ? Error.NotFound(ErrorText.Of("error.rules2022.no-treatment-plan-in-force", date, regionCode))
            : plan;
    }

    /// <summary>Every edition, oldest first.</summary>
    public static async Task<IReadOnlyList<TreatmentPlan>> ListAsync(FangkongDbContext db, CancellationToken ct = default) =>
        await db.Set<TreatmentPlan>().AsNoTracking().OrderBy(p => p.EffectiveFrom).ThenBy(p => p.RegionPrefix).ThenBy(p => p.Id).ToListAsync(ct);
}
