using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Passes;

/// <summary>Thresholds of the abuse checks (settings section <c>Passes:Abuse</c>).</summary>
public sealed record AbuseSettings
{
    /// <summary>Two scans of one pass farther apart than this…</summary>
    public double DistanceKm { get; init; } = 30;

    /// <summary>…within this many minutes are flagged.</summary>
    public int Minutes { get; init; } = 30;

    /// <summary>How far back the scan log is read.</summary>
    public int LookBackHours { get; init; } = 48;
}

/// <summary>
/// Reads the scan log and the quotas for signs of abuse: a pass scanned at two checkpoints too
/// far apart for the time between the scans, units holding more active passes than their quota,
/// and passes shown outside their validity.
/// </summary>
public static class DetectAbuse
{
    public sealed record DistantScans(long PassId, string FirstCheckpoint, DateTimeOffset FirstAt, string SecondCheckpoint, DateTimeOffset SecondAt, double Km, double Minutes);

    public sealed record OverQuota(long OrganisationId, string Unit, PassKind Kind, int Active, int Limit);

    public sealed record OutsideValidity(long PassId, int Scans, PassVerdict Verdict, DateTimeOffset LastAt);

    public sealed record Report(AbuseSettings Settings, IReadOnlyList<DistantScans> Distant, IReadOnlyList<OverQuota> OverQuota, IReadOnlyList<OutsideValidity> OutsideValidity);

    public static async Task<Result<Report>> HandleAsync(FangkongDbContext db, TimeProvider time, AbuseSettings settings, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.DistanceKm <= 0 || settings.Minutes <= 0 || settings.LookBackHours <= 0)
        {
            return Error.Invalid("km", ErrorText.Of("error.passes.distance-minutes-look-back-hours"));
        }

        var now = time.GetUtcNow();
        var since = now.AddHours(-settings.LookBackHours);
        var scans = await db.PassScans.AsNoTracking()
            .Where(s => s.ScannedAt >= since && s.PassId != null)
            .Join(db.Checkpoints, s => s.CheckpointId, c => c.Id, (s, c) => new { s.PassId, s.ScannedAt, s.Verdict, s.CheckpointId, c.Name, c.Latitude, c.Longitude })
            .ToListAsync(ct);

        var window = TimeSpan.FromMinutes(settings.Minutes);
        var distant = new List<DistantScans>();
        foreach (var pass in scans.Where(s => s.Verdict is not (PassVerdict.BadSignature or PassVerdict.UnknownKey or PassVerdict.UnknownPass or PassVerdict.ClientIdReused)).GroupBy(s => s.PassId!.Value))
        {
            var ordered = pass.OrderBy(s => s.ScannedAt).ToList();
            for (var i = 0; i < ordered.Count; i++)
            {
                for (var j = i + 1; j < ordered.Count && ordered[j].ScannedAt - ordered[i].ScannedAt <= window; j++)
                {
                    var (a, b) = (ordered[i], ordered[j]);
                    if (a.CheckpointId == b.CheckpointId || Checkpoint.DistanceKm(a.Latitude, a.Longitude, b.Latitude, b.Longitude) is not { } km || km <= settings.DistanceKm)
                    {
                        continue;
                    }

                    distant.Add(new DistantScans(pass.Key, a.Name, a.ScannedAt, b.Name, b.ScannedAt, Math.Round(km, 1), Math.Round((b.ScannedAt - a.ScannedAt).TotalMinutes, 1)));
                }
            }
        }

        var outside = scans.Where(s => s.Verdict is PassVerdict.Expired or PassVerdict.NotYetValid)
            .GroupBy(s => (s.PassId!.Value, s.Verdict))
            .Select(g => new OutsideValidity(g.Key.Value, g.Count(), g.Key.Verdict, g.Max(s => s.ScannedAt)))
            .OrderByDescending(o => o.LastAt)
            .ToList();

        var quotas = await db.PassQuotas.AsNoTracking()
            .Join(db.Organisations, q => q.OrganisationId, o => o.Id, (q, o) => new { q.OrganisationId, o.Name, q.Kind, q.Limit })
            .ToListAsync(ct);
        var over = new List<OverQuota>();
        foreach (var q in quotas)
        {
            var active = await DecidePass.ActiveCountAsync(db, q.OrganisationId, q.Kind, now, ct);
            if (active > q.Limit)
            {
                over.Add(new OverQuota(q.OrganisationId, q.Name, q.Kind, active, q.Limit));
            }
        }

        return new Report(settings, [.. distant.OrderByDescending(d => d.SecondAt)], over, outside);
    }
}
