using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Passes;

/// <summary>The scan log of the checkpoints in the caller's jurisdiction and their throughput per hour.</summary>
public static class ScanLog
{
    public sealed record Row(long Id, long CheckpointId, string Checkpoint, DateTimeOffset ScannedAt, long? PassId, bool Allowed, PassVerdict Verdict, string Reason, string Officer);

    public sealed record Hour(DateTimeOffset Start, int Scans, int Allowed, int Refused);

    public static async Task<Page<Row>> ListAsync(FangkongDbContext db, long? checkpointId, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.PassScans.AsNoTracking();
        if (checkpointId is { } id)
        {
            query = query.Where(s => s.CheckpointId == id);
        }

        var (number, size) = Page<Row>.Clamp(page, pageSize);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(s => s.ScannedAt).ThenByDescending(s => s.Id).Skip((number - 1) * size).Take(size)
            .Join(db.Checkpoints, s => s.CheckpointId, c => c.Id, (s, c) => new Row(s.Id, s.CheckpointId, c.Name, s.ScannedAt, s.PassId, s.Allowed, s.Verdict, s.Reason, s.Officer))
            .ToListAsync(ct);
        // The log tells where a pass (so its holder) went and when: audited as a read of personal data.
        await db.AuditSearchAsync(nameof(PassScan), $"checkpoint={checkpointId};page={number}", [.. rows.Select(r => r.Id)], db.Jurisdiction.RegionPrefix, ct);
        return new Page<Row>([.. rows.OrderByDescending(r => r.ScannedAt).ThenByDescending(r => r.Id)], number, size, total);
    }

    /// <summary>Scans per hour (UTC hour starts) over the <paramref name="hours"/> before now, optionally for one checkpoint.</summary>
    public static async Task<Result<IReadOnlyList<Hour>>> ThroughputAsync(FangkongDbContext db, TimeProvider time, long? checkpointId, int? hours, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var span = hours ?? 24;
        if (span is < 1 or > 24 * 31)
        {
            return Error.Invalid("hours", ErrorText.Of("error.passes.hours"));
        }

        var now = time.GetUtcNow();
        var end = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
        var start = end.AddHours(-span);
        var query = db.PassScans.AsNoTracking().Where(s => s.ScannedAt >= start && s.ScannedAt < end);
        if (checkpointId is { } id)
        {
            query = query.Where(s => s.CheckpointId == id);
        }

        // Grouping by hour differs per provider (and times are numbers on SQLite), so the window's rows are counted here.
        var scans = await query.Select(s => new { s.ScannedAt, s.Allowed }).ToListAsync(ct);
        var byHour = scans.GroupBy(s => (int)((s.ScannedAt - start).Ticks / TimeSpan.TicksPerHour)).ToDictionary(g => g.Key, g => (All: g.Count(), Allowed: g.Count(s => s.Allowed)));
        var result = new List<Hour>(span);
        for (var h = 0; h < span; h++)
        {
            var (all, allowed) = byHour.GetValueOrDefault(h);
            result.Add(new Hour(start.AddHours(h), all, allowed, all - allowed));
        }

        return result;
    }
}
