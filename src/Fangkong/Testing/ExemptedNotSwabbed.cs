using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>
/// 应检尽检's one exception: a resident exempted from a round (bedridden, infant, in hospital …) who was
/// not swabbed in that round is not owed a swab. Coverage, the lifting criteria of regions and compounds,
/// and the supervision detector all subtract these people, through this one definition.
/// </summary>
/// <remarks>
/// An exempted resident who was swabbed anyway counts as swabbed, not as exempted, so that no one
/// counts twice. Read across jurisdictions (<see cref="BypassReason.SwabsTakenAnywhere"/>): the caller
/// bounds the residents by region.
/// </remarks>
public static class ExemptedNotSwabbed
{
    /// <summary>The exemptions of <paramref name="roundIds"/> whose person has no sample in the same round (taken by <paramref name="swabbedBy"/>, when given).</summary>
    public static IQueryable<RoundExemption> In(FangkongDbContext db, IReadOnlyCollection<long> roundIds, DateTimeOffset? swabbedBy = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(roundIds);
        long[] ids = [.. roundIds];
        var exemptions = db.RoundExemptions.BypassJurisdiction(BypassReason.SwabsTakenAnywhere).AsNoTracking()
            .Where(e => EF.Parameter(ids).Contains(e.RoundId));
        var samples = db.Samples.BypassJurisdiction(BypassReason.SwabsTakenAnywhere);
        if (swabbedBy is { } by)
        {
            // UTC, as stored: PostgreSQL takes no other offset for a timestamptz parameter.
            var utc = by.ToUniversalTime();
            samples = samples.Where(s => s.SampledAt <= utc);
        }

        return exemptions.Where(e => !samples.Any(s => s.RoundId == e.RoundId && s.PersonId == e.PersonId));
    }
}
