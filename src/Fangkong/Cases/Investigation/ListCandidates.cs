using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases.Investigation;

/// <summary>
/// The contact candidates of a case: while the investigation is open the sources are read
/// again first (<see cref="ProposeCandidates"/>), so new tube results or scans show up. By
/// default only the undecided ones; <c>all</c> adds the confirmed and dismissed. The list of
/// people shown is audited like a person search.
/// </summary>
public static class ListCandidates
{
    public static async Task<Result<IReadOnlyList<CandidateView>>> HandleAsync(
        FangkongDbContext db, long caseId, string? status, CandidateSettings settings, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        CandidateStatus? wanted = CandidateStatus.Proposed;
        if (string.Equals(status, "all", StringComparison.OrdinalIgnoreCase))
        {
            wanted = null;
        }
        else
        {
            var parsed = EnumText.ParseOptional<CandidateStatus>(status, "status");
            if (!parsed.IsSuccess)
            {
                return parsed.Error!;
            }

            wanted = parsed.Value ?? CandidateStatus.Proposed;
        }

        var loaded = await GetInvestigation.LoadAsync(db, caseId, tracked: false, ct);
        if (!loaded.IsSuccess)
        {
            return loaded.Error!;
        }

        var (investigation, c) = loaded.Value;
        if (investigation.State == InvestigationState.Open)
        {
            await ProposeCandidates.HandleAsync(db, investigation, c, settings, now, ct);
        }

        var query = db.ContactCandidates.AsNoTracking().Where(x => x.InvestigationId == investigation.Id);
        if (wanted is { } s)
        {
            query = query.Where(x => x.Status == s);
        }

        var candidates = await query.OrderBy(x => x.Status).ThenBy(x => x.Id).ToListAsync(ct);
        if (candidates.Count > 0)
        {
            await db.AuditSearchAsync(nameof(ContactCandidate), $"case={c.CaseNo} status={status ?? "proposed"}", candidates.Select(x => x.Id).ToList(), c.RegionCode, ct);
        }

        return candidates.Select(x => CandidateView.From(x, db.Jurisdiction)).ToList();
    }
}
