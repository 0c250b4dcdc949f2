using Fangkong.Data;
using Fangkong.Regions;
using Fangkong.Testing.Tallies;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing.Doors;

/// <summary>
/// How many of a community's residents are not yet swabbed in a round, from the maintained
/// aggregates (resident counts, ADR 0020; round tallies, ADR 0029), never by counting the list:
/// the same figure as the round's page shows for the community.
/// </summary>
internal static class DoorCount
{
    public static async Task<long> NotSampledAsync(FangkongDbContext db, DoorScope scope, CancellationToken ct)
    {
        var residents = await Populations.InSubtreeAsync(db, scope.Community, ct);
        var tally = await db.Set<RoundTally>().BypassJurisdiction(BypassReason.SwabsTakenAnywhere).AsNoTracking()
            .Where(t => t.RoundId == scope.RoundId && t.RegionCode == scope.Community)
            .Select(t => new { t.Sampled, t.Exempted })
            .FirstOrDefaultAsync(ct);
        return Math.Max(0, residents - (tally?.Exempted ?? 0) - (tally?.Sampled ?? 0));
    }
}
