using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases;

/// <summary>
/// Which plan is in force where and when: among the versions whose region prefix covers the
/// region and whose effective date is on or before the date, the most specific region wins,
/// then the latest effective date (then the latest added).
/// </summary>
public static class PolicyVersions
{
    /// <summary>The codes of the versions shipped by migration 0050.</summary>
    public const string Eighth = "national-8";

    public const string Ninth = "national-9";

    public static PolicyVersion? InForce(IEnumerable<PolicyVersion> versions, string regionCode, DateOnly date) =>
        RegionalEdition.InForce(versions, regionCode, date);

    /// <summary>The version in force for <paramref name="regionCode"/> on <paramref name="date"/>, or not found.</summary>
    public static async Task<Result<PolicyVersion>> InForceAsync(FangkongDbContext db, string regionCode, DateOnly date, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var candidates = await db.PolicyVersions.AsNoTracking().Where(v => v.EffectiveFrom <= date).ToListAsync(ct);
        var version = InForce(candidates, regionCode, date);
        return version is null
            ? Error.NotFound(ErrorText.Of("error.cases.no-policy-version-force", date, regionCode))
            : version;
    }

    /// <summary>Every version, oldest first.</summary>
    public static async Task<IReadOnlyList<PolicyVersion>> ListAsync(FangkongDbContext db, CancellationToken ct = default) =>
        await db.PolicyVersions.AsNoTracking().OrderBy(v => v.EffectiveFrom).ThenBy(v => v.RegionPrefix).ThenBy(v => v.Id).ToListAsync(ct);
}
