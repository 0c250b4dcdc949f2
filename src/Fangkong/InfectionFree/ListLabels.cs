using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.InfectionFree;

/// <summary>Labels in the caller's jurisdiction (optionally of one status), paged, and the latest removal notices.</summary>
public static class ListLabels
{
    public sealed record Row(
        long Id, LabelKind Kind, long? CompoundId, string RegionCode, string Name, LabelStatus Status,
        string AppliedBy, DateTimeOffset AppliedAt, string? ReviewedBy, DateTimeOffset? ReviewedAt, string? RegisteredBy, DateTimeOffset? RegisteredAt,
        DateTimeOffset? RemovedAt, string? RemovalReason);

    public sealed record Notice(long Id, long LabelId, string RegionCode, DateOnly Day, string Message, DateTimeOffset At);

    public sealed record View(Page<Row> Labels, IReadOnlyList<Notice> Notices);

    public static async Task<Result<View>> HandleAsync(FangkongDbContext db, string? status, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        LabelStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<LabelStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Error.Invalid("status", ErrorText.Of("error.accountability.unknown-status", status));
            }

            wanted = parsed;
        }

        var (number, size) = Page<Row>.Clamp(page, pageSize);
        var query = db.InfectionFreeLabels.AsNoTracking().Where(l => wanted == null || l.Status == wanted);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(l => l.RegionCode).ThenBy(l => l.Name).ThenByDescending(l => l.Id).Skip((number - 1) * size).Take(size)
            .Select(l => new Row(l.Id, l.Kind, l.CompoundId, l.RegionCode, l.Name, l.Status, l.AppliedBy, l.AppliedAt, l.ReviewedBy, l.ReviewedAt,
                l.RegisteredBy, l.RegisteredAt, l.RemovedAt, l.RemovalReason))
            .ToListAsync(ct);
        var notices = (await db.InfectionFreeNotices.AsNoTracking().OrderByDescending(n => n.Id).Take(20).ToListAsync(ct))
            .Select(n => new Notice(n.Id, n.LabelId, n.RegionCode, n.Day, n.Message, n.At)).ToList();
        return new View(new Page<Row>(rows, number, size, total), notices);
    }
}
