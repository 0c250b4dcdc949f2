using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.ClosedLoop;

/// <summary>Recorded breaches in the caller's jurisdiction, newest first, paged; optionally of one loop.</summary>
public static class ListBreaches
{
    public sealed record Row(long Id, long GroupId, string GroupName, string RegionCode, BreachKind Kind, DateOnly Day, string Detail, DateTimeOffset RecordedAt);

    public static async Task<Page<Row>> HandleAsync(FangkongDbContext db, long? groupId, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (number, size) = Page<Row>.Clamp(page, pageSize);
        var query = from b in db.ClosedLoopBreaches.AsNoTracking()
                    where groupId == null || b.GroupId == groupId
                    join g in db.ClosedLoopGroups.AsNoTracking() on b.GroupId equals g.Id
                    select new { b, g.Name };
        var total = await query.CountAsync(ct);
        var rows = (await query.OrderByDescending(x => x.b.Day).ThenBy(x => x.b.Id).Skip((number - 1) * size).Take(size).ToListAsync(ct))
            .Select(x => new Row(x.b.Id, x.b.GroupId, x.Name, x.b.RegionCode, x.b.Kind, x.b.Day, DetailFor(x.b, db.Jurisdiction), x.b.RecordedAt))
            .ToList();
        return new Page<Row>(rows, number, size, total);
    }

    /// <summary>
    /// A missed test's detail opens with the member's name ("王小明（…）… 未检测"): roles that see no
    /// resident details (inspectors) read it masked (王**（…）…).
    /// </summary>
    internal static string DetailFor(ClosedLoopBreach breach, Access.Jurisdiction jurisdiction)
    {
        var detail = breach.Detail;
        var end = detail.IndexOf('（', StringComparison.Ordinal);
        return jurisdiction.SeesResidentDetails || breach.Kind != BreachKind.MissedTest || end <= 0
            ? detail
            : string.Concat(Access.Masking.Name(detail[..end]), detail.AsSpan(end));
    }
}
