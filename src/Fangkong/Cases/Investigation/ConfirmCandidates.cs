using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases.Investigation;

/// <summary>
/// Confirms many proposed candidates of a case at once, each as a close contact with its own last
/// exposure (issue 16, item 3: 41 candidates were confirmed one page reload at a time). All or none:
/// a candidate that cannot be confirmed stops the batch, and its error names it.
/// </summary>
public static class ConfirmCandidates
{
    public const int MaxAtOnce = 200;

    public static async Task<Result<IReadOnlyList<CandidateView>>> HandleAsync(
        FangkongDbContext db, long caseId, IReadOnlyList<long>? candidateIds, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var ids = (candidateIds ?? []).Where(id => id > 0).Distinct().ToList();
        if (ids.Count == 0)
        {
            return Error.Invalid("candidateIds", ErrorText.Of("error.cases.tick-candidates"));
        }

        if (ids.Count > MaxAtOnce)
        {
            return Error.Invalid("candidateIds", ErrorText.Of("error.cases.too-many-candidates", MaxAtOnce));
        }

        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var confirmed = new List<CandidateView>(ids.Count);
        foreach (var id in ids)
        {
            var one = await DecideCandidate.ConfirmAsync(db, caseId, id, new DecideCandidate.Confirmation(null, null), now, ct);
            if (!one.IsSuccess)
            {
                return one.Error!;
            }

            confirmed.Add(one.Value!);
        }

        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        return confirmed;
    }
}
