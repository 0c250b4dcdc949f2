using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Areas;

/// <summary>Proposals within the jurisdiction by status (pending by default), newest first; paged.</summary>
public static class ListAreaProposals
{
    public sealed record Row(
        long Id, AreaUnitKind Kind, string RegionCode, long? UnitId, string UnitName, AreaLevel? FromLevel, AreaLevel? ToLevel, ProposalRule Rule,
        string Facts, DateOnly ProposedOn, ProposalStatus Status, string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionReason, string? ApprovingBody);

    public static async Task<Result<Page<Row>>> HandleAsync(FangkongDbContext db, string? status, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ProposalStatus? wanted = ProposalStatus.Pending;
        if (status is "all")
        {
            wanted = null;
        }
        else if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<ProposalStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Error.Invalid("status", ErrorText.Of("error.areas.status-pending-approved-rejected-superseded", status));
            }

            wanted = parsed;
        }

        var query = db.AreaProposals.AsNoTracking();
        if (wanted is { } s)
        {
            query = query.Where(p => p.Status == s);
        }

        var (number, size) = Page<Row>.Clamp(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(p => p.ProposedOn).ThenByDescending(p => p.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(p => new Row(p.Id, p.UnitKind, p.RegionCode, p.UnitId, p.UnitName, p.FromLevel, p.ToLevel, p.Rule, p.Facts, p.ProposedOn, p.Status, p.DecidedBy, p.DecidedAt, p.DecisionReason, p.ApprovingBody))
            .ToListAsync(ct);
        return new Page<Row>(rows, number, size, total);
    }
}
