using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Accountability;

/// <summary>Accountability cases in the caller's jurisdiction, newest first, optionally by status.</summary>
public static class ListAccountabilityCases
{
    public sealed record Row(long Id, string RegionCode, string Title, AccountabilityStatus Status, int Officials, string? DecidingBody, DateOnly? DecidedOn, DateTimeOffset UpdatedAt);

    public static async Task<Result<Page<Row>>> HandleAsync(FangkongDbContext db, string? status, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.AccountabilityCases.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(status))
        {
            if (!Enum.TryParse<AccountabilityStatus>(status, ignoreCase: true, out var wanted) || int.TryParse(status, out _))
            {
                return Error.Invalid("status", ErrorText.Of("error.accountability.unknown-status", status));
            }

            query = query.Where(c => c.Status == wanted);
        }

        var (number, size) = Page<Row>.Clamp(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.Id).Skip((number - 1) * size).Take(size)
            .Select(c => new Row(c.Id, c.RegionCode, c.Title, c.Status, c.Officials.Count, c.DecidingBody, c.DecidedOn, c.UpdatedAt))
            .ToListAsync(ct);
        return new Page<Row>(rows, number, size, total);
    }
}
