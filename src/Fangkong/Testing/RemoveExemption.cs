using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>Takes a person's exemption from a round (back from quarantine: they should test again). Audited.</summary>
public static class RemoveExemption
{
    public sealed record Removed(long RoundId, long PersonId, ExemptionKind Kind);

    public static async Task<Result<Removed>> HandleAsync(FangkongDbContext db, long roundId, long personId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var found = await RoundAccess.FindAsync(db, roundId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        // Within the jurisdiction: another county's exemption is as absent as a missing one.
        var exemption = await db.RoundExemptions.FirstOrDefaultAsync(e => e.RoundId == roundId && e.PersonId == personId, ct);
        if (exemption is null)
        {
            return Error.NotFound(ErrorText.Of("error.testing.person-no-exemption-round", personId, roundId));
        }

        db.RoundExemptions.Remove(exemption);
        await Tallies.RoundTallyWriter.SaveWithAsync(db, () => Tallies.RoundTallyWriter.ExemptionRemovedAsync(db, roundId, personId, ct), ct);
        return new Removed(roundId, personId, exemption.Kind);
    }
}
