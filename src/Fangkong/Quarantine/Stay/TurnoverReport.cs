using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Stay;

/// <summary>
/// Room and bed turnover per site (release → available): completed turnovers in the period with
/// their median and longest hours, and the spaces still awaiting disinfection with the hours
/// they have waited — rooms that wait are rooms that people wait for (人等床位).
/// </summary>
public static class TurnoverReport
{
    public sealed record Waiting(long? RoomId, long? BedId, string Number, DateTimeOffset ReleasedAt, double HoursWaiting);

    public sealed record Site(long SiteId, string Name, int Completed, double? MedianHours, double? LongestHours, IReadOnlyList<Waiting> AwaitingDisinfection);

    public const int DefaultDays = 7;

    /// <summary>Turnovers completed since <paramref name="since"/> (default: the last 7 days) and those still open.</summary>
    public static async Task<IReadOnlyList<Site>> HandleAsync(FangkongDbContext db, TimeProvider time, DateTimeOffset? since = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var from = (since ?? now.AddDays(-DefaultDays)).ToUniversalTime();
        var turnovers = await db.SpaceTurnovers.AsNoTracking().Where(t => t.AvailableAt == null || t.AvailableAt >= from).ToListAsync(ct);
        var siteIds = turnovers.Select(t => t.SiteId).Distinct().ToList();
        var names = await db.QuarantineSites.AsNoTracking().Where(s => EF.Parameter(siteIds).Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        return [.. turnovers.GroupBy(t => t.SiteId).Select(g =>
        {
            var hours = g.Where(t => t.Duration is not null).Select(t => t.Duration!.Value.TotalHours).Order().ToList();
            var waiting = g.Where(t => t.AvailableAt is null).OrderBy(t => t.ReleasedAt)
                .Select(t => new Waiting(t.RoomId, t.BedId, t.SpaceNumber, t.ReleasedAt, Math.Round((now - t.ReleasedAt).TotalHours, 1))).ToList();
            return new Site(g.Key, names.GetValueOrDefault(g.Key, "—"), hours.Count, Median(hours), hours.Count > 0 ? Math.Round(hours[^1], 1) : null, waiting);
        }).OrderBy(s => s.Name, StringComparer.Ordinal)];
    }

    private static double? Median(List<double> sorted) =>
        sorted.Count == 0 ? null
        : Math.Round(sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2, 1);
}
