using System.Globalization;
using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Transfers;

/// <summary>
/// "日清日结": at the end of a day (24:00 China time), per county, everyone identified by then who
/// had not checked in by then — whether still at home or on the road — with the hours waited.
/// For a past day it reads the list as it stood at that midnight; for today, as it stands now
/// (the day is not over). Cancelled transfers are not waiting.
/// </summary>
public static class EndOfDayList
{
    /// <summary>At most this many people are named (longest waiting first); the counts are always complete.</summary>
    public const int MaxPeople = 2_000;

    public sealed record Row(long TransferId, long? PlacementId, string Name, string IdNumber, string RegionCode, string SiteName, bool CrossCity, TransferState State, DateTimeOffset IdentifiedAt, double HoursWaiting);

    public sealed record County(string Code, string Name, int Waiting, double LongestHours, IReadOnlyList<Row> People);

    public sealed record Listing(DateOnly Day, DateTimeOffset AsOf, int Waiting, IReadOnlyList<County> Counties);

    public static async Task<Result<Listing>> HandleAsync(FangkongDbContext db, TimeProvider time, DateOnly? day, string? region, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var filter = Cases.ListCases.RegionFilter(db, region);
        if (!filter.IsSuccess)
        {
            return filter.Error!;
        }

        var now = time.GetUtcNow();
        var today = ChinaTime.Today(time);
        var the = day ?? today;
        if (the > today)
        {
            return Error.Invalid("date", ErrorText.Of("error.quarantine.day-not-come-yet"));
        }

        var midnight = ChinaTime.StartOf(the.AddDays(1));
        var asOf = midnight < now ? midnight : now;
        var query = NotCheckedIn(db, asOf, filter.Value);

        // Counts and longest waits per county from the database; the names listed are capped, longest waiting first.
        var totals = await query.GroupBy(t => t.RegionCode.Substring(0, 6))
            .Select(g => new { County = g.Key, Count = g.Count(), First = g.Min(t => t.IdentifiedAt) })
            .ToListAsync(ct);
        var tasks = await query.OrderBy(t => t.IdentifiedAt).ThenBy(t => t.Id).Take(MaxPeople).ToListAsync(ct);
        var codes = totals.Select(t => t.County).ToList();
        var names = await db.Regions.AsNoTracking().Where(r => EF.Parameter(codes).Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var full = db.Jurisdiction.SeesFullIdentity;
        var counties = totals
            .Select(c =>
            {
                var people = tasks.Where(t => t.County == c.County).Select(t => new Row(
                    t.Id, t.PlacementId, t.Name, full ? t.IdNumber : Masking.IdNumber(t.IdNumber), t.RegionCode, t.SiteName, t.CrossCity,
                    StateAt(t, asOf), t.IdentifiedAt, Math.Round((asOf - t.IdentifiedAt).TotalHours, 1))).ToList();
                return new County(c.County, names.GetValueOrDefault(c.County, c.County), c.Count, Math.Round((asOf - c.First).TotalHours, 1), people);
            })
            .OrderByDescending(c => c.Waiting).ThenBy(c => c.Code, StringComparer.Ordinal)
            .ToList();
        if (tasks.Count > 0)
        {
            await db.AuditSearchAsync(nameof(TransferTask), string.Create(CultureInfo.InvariantCulture, $"end-of-day={the:yyyy-MM-dd};region={filter.Value}"),
                [.. tasks.Select(t => t.Id)], filter.Value, ct);
        }

        return new Listing(the, asOf, totals.Sum(t => t.Count), counties);
    }

    /// <summary>
    /// How many people of the region are not checked in now: the list's total for today, in one
    /// count (the situation view's tile), without reading the people or writing the list's audit line.
    /// </summary>
    public static Task<int> WaitingNowAsync(FangkongDbContext db, TimeProvider time, string prefix, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        return NotCheckedIn(db, time.GetUtcNow(), prefix).CountAsync(ct);
    }

    /// <summary>Read as the day's end saw it: identified by then, not checked in by then; a cancelled task is not counted.</summary>
    private static IQueryable<TransferTask> NotCheckedIn(FangkongDbContext db, DateTimeOffset asOf, string? prefix)
    {
        var query = db.TransferTasks.AsNoTracking()
            .Where(t => t.IdentifiedAt <= asOf && t.State != TransferState.Cancelled && (t.CheckedInAt == null || t.CheckedInAt > asOf));
        return prefix is null ? query : query.Where(t => t.RegionCode.StartsWith(prefix));
    }

    /// <summary>The step the transfer had reached at <paramref name="at"/>.</summary>
    private static TransferState StateAt(TransferTask t, DateTimeOffset at) =>
        t.ArrivedAt <= at ? TransferState.Arrived
        : t.PickedUpAt <= at ? TransferState.PickedUp
        : t.DispatchedAt <= at ? TransferState.Dispatched
        : TransferState.Waiting;
}
