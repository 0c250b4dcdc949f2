using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>Finds a round the caller may see: one whose area overlaps the caller's region.</summary>
internal static class RoundAccess
{
    public static async Task<Result<TestingRound>> FindAsync(FangkongDbContext db, long roundId, CancellationToken ct)
    {
        var round = await db.TestingRounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == roundId, ct);
        return round is not null && round.Concerns(db.Jurisdiction.RegionPrefix)
            ? round
            : Error.NotFound(ErrorText.Of("error.testing.round-does-not-exist-outside", roundId));
    }
}
