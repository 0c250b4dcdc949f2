using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Passes;

/// <summary>Passes of the units in the caller's jurisdiction, newest first; with <c>status=applied</c> it is the approval queue.</summary>
public static class ListPasses
{
    public sealed record Row(
        long Id, PassKind Kind, string Unit, string Regions, string Holder, string? Plate, DateTimeOffset ValidFrom, DateTimeOffset ValidTo,
        PassStatus Status, ApprovalLevel Level, DateTimeOffset AppliedAt);

    public static async Task<Result<Page<Row>>> HandleAsync(FangkongDbContext db, TimeProvider time, string? status, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var query = db.Passes.AsNoTracking();
        var now = time.GetUtcNow();
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<PassStatus>(status, ignoreCase: true, out var wanted) || int.TryParse(status, out _))
            {
                return Error.Invalid("status", ErrorText.Of("error.accountability.unknown-status", status));
            }

            query = wanted switch
            {
                PassStatus.Approved => query.Where(p => p.Status == PassStatus.Approved && p.ValidTo >= now),
                PassStatus.Expired => query.Where(p => p.Status == PassStatus.Approved && p.ValidTo < now),
                _ => query.Where(p => p.Status == wanted),
            };
        }

        var total = await query.CountAsync(ct);
        var (number, size) = Page<Row>.Clamp(page, pageSize);
        // Ignoring the filters for the join ignores them for the whole query: the caller's region is asked for here.
        var prefix = db.Jurisdiction.RegionPrefix;
        var passes = await query.Where(p => p.RegionCode.StartsWith(prefix)).OrderByDescending(p => p.Id).Skip((number - 1) * size).Take(size)
            .Join(db.Organisations.BypassJurisdiction(BypassReason.ReferenceName), p => p.OrganisationId, o => o.Id, (p, o) => new { Pass = p, Unit = o.Name })
            .ToListAsync(ct);
        passes = [.. passes.OrderByDescending(x => x.Pass.Id)];
        var full = db.Jurisdiction.SeesFullIdentity;
        var rows = passes.Select(x => new Row(
            x.Pass.Id, x.Pass.Kind, x.Unit, x.Pass.Regions, Holder(x.Pass, full), x.Pass.Plate, x.Pass.ValidFrom, x.Pass.ValidTo,
            x.Pass.StatusAt(now), x.Pass.Level, x.Pass.AppliedAt)).ToList();
        // The list shows holders: which passes were shown, to whom, with which filter.
        await db.AuditSearchAsync(nameof(Pass), $"status={status};page={number}", [.. rows.Select(r => r.Id)], prefix, ct);
        return new Page<Row>(rows, number, size, total);
    }

    /// <summary>The holder as the caller may see them: full identity number only for roles that need it.</summary>
    public static string Holder(Pass pass, bool fullIdentity)
    {
        ArgumentNullException.ThrowIfNull(pass);
        var id = pass.HolderIdNumber is null ? string.Empty : fullIdentity ? pass.HolderIdNumber : Masking.IdNumber(pass.HolderIdNumber);
        return $"{pass.HolderName} {id}".Trim();
    }
}
