using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Livelihood.Requests;

/// <summary>
/// The requests at a glance, for the community's daily meeting (no personal data): open requests by
/// kind, by age and by community, overdue and escalated counts, the district queue, and the same-day
/// rate (事不过夜) of today and yesterday: of the requests received that day and not returned, the
/// share resolved by their clock.
/// </summary>
public static class RequestsDashboard
{
    public sealed record Count<TKey>(TKey Key, int Open);

    public sealed record Ages(int UnderTwoHours, int TwoToEightHours, int EightToTwentyFourHours, int OverADay);

    public sealed record SameDay(DateOnly Day, int Received, int ResolvedInTime, double? Rate);

    public sealed record Board(
        int Open, int Overdue, int Escalated, int Queue, IReadOnlyList<Count<RequestKind>> ByKind, Ages ByAge,
        IReadOnlyList<Count<string>> ByCommunity, SameDay Today, SameDay Yesterday);

    public const int Communities = 20;

    public static async Task<Board> HandleAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var open = db.ResidentRequests().AsNoTracking()
            .Where(r => r.State == RequestState.Received || r.State == RequestState.Assigned || r.State == RequestState.InProgress);
        var byKind = await open.GroupBy(r => r.Kind).Select(g => new Count<RequestKind>(g.Key, g.Count())).ToListAsync(ct);
        // Ordered on an anonymous shape: EF cannot order by a member of a record built by its constructor.
        var byCommunity = (await open.GroupBy(r => r.RegionCode).Select(g => new { g.Key, Open = g.Count() })
            .OrderByDescending(c => c.Open).ThenBy(c => c.Key).Take(Communities).ToListAsync(ct))
            .Select(c => new Count<string>(c.Key, c.Open)).ToList();
        var (two, eight, day) = (now.AddHours(-2), now.AddHours(-8), now.AddDays(-1));
        var ages = new Ages(
            await open.CountAsync(r => r.ReceivedAt > two, ct),
            await open.CountAsync(r => r.ReceivedAt <= two && r.ReceivedAt > eight, ct),
            await open.CountAsync(r => r.ReceivedAt <= eight && r.ReceivedAt > day, ct),
            await open.CountAsync(r => r.ReceivedAt <= day, ct));
        var today = ChinaTime.DayOf(now);
        return new Board(
            byKind.Sum(k => k.Open),
            await open.CountAsync(r => r.DueAt < now, ct),
            await open.CountAsync(r => r.EscalationLevel > 0, ct),
            await open.CountAsync(r => !r.Placed, ct),
            [.. byKind.OrderByDescending(k => k.Open)],
            ages,
            byCommunity,
            await SameDayAsync(db, today, ct),
            await SameDayAsync(db, today.AddDays(-1), ct));
    }

    private static async Task<SameDay> SameDayAsync(FangkongDbContext db, DateOnly day, CancellationToken ct)
    {
        var (from, to) = (ChinaTime.StartOf(day), ChinaTime.StartOf(day.AddDays(1)));
        var received = db.ResidentRequests().AsNoTracking()
            .Where(r => r.ReceivedAt >= from && r.ReceivedAt < to && r.State != RequestState.Returned);
        var total = await received.CountAsync(ct);
        var inTime = await received.CountAsync(r => r.ResolvedAt != null && r.ResolvedAt <= r.DueAt, ct);
        return new SameDay(day, total, inTime, total == 0 ? null : (double)inTime / total);
    }
}
