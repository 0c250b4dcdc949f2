using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Cases.Investigation;

/// <summary>
/// Investigations within the jurisdiction, open ones by default: overdue first (earliest
/// deadline first), then the others by deadline. The comparison with "now" runs in the
/// database (times are numbers on SQLite).
/// </summary>
public static class ListInvestigations
{
    public sealed record Item(
        long Id, long CaseId, string CaseNo, string CaseName, string RegionCode, string Investigator, InvestigationState State,
        DateTimeOffset OpenedAt, DateTimeOffset DeadlineAt, bool IsOverdue, int ProposedCandidates);

    public static async Task<Result<Page<Item>>> HandleAsync(FangkongDbContext db, string? state, int? page, int? pageSize, DateTimeOffset now, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var parsed = EnumText.ParseOptional<InvestigationState>(state, "state");
        if (!parsed.IsSuccess)
        {
            return parsed.Error!;
        }

        var (number, size) = Page<Item>.Clamp(page, pageSize);
        now = now.ToUniversalTime();
        var wanted = parsed.Value ?? InvestigationState.Open;
        var query = db.Investigations.AsNoTracking().Where(i => i.State == wanted);
        var total = await query.CountAsync(ct);
        var rows = await query
            .OrderBy(i => i.State == InvestigationState.Open && i.DeadlineAt < now ? 0 : 1)
            .ThenBy(i => i.DeadlineAt)
            .ThenBy(i => i.Id)
            .Skip((number - 1) * size)
            .Take(size)
            .Select(i => new
            {
                Investigation = i,
                Name = db.Cases.Where(c => c.Id == i.CaseId).Select(c => c.Name).FirstOrDefault(),
                Proposed = db.ContactCandidates.Count(c => c.InvestigationId == i.Id && c.Status == CandidateStatus.Proposed),
            })
            .ToListAsync(ct);
        if (rows.Count > 0)
        {
            // The list names the cases: audited like a case search.
            await db.AuditSearchAsync(nameof(Case), $"investigations state={wanted}", rows.Select(r => r.Investigation.CaseId).ToList(), null, ct);
        }

        var items = rows.Select(r => new Item(
            r.Investigation.Id, r.Investigation.CaseId, r.Investigation.CaseNo, r.Name ?? string.Empty, r.Investigation.RegionCode, r.Investigation.Investigator,
            r.Investigation.State, r.Investigation.OpenedAt, r.Investigation.DeadlineAt, r.Investigation.IsOverdue(now), r.Proposed)).ToList();
        return new Page<Item>(items, number, size, total);
    }
}
