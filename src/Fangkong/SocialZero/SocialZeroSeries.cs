using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.SocialZero;

/// <summary>
/// A county's or city's daily new cases by where they were found, the social-level rate per
/// 100,000 and the status of each day: zero when the last N days (the day included) had no
/// social-level case, basic zero when each of them stayed below the threshold.
/// </summary>
public static class SocialZeroSeries
{
    public const int MaxDays = 120;

    public sealed record Day(DateOnly On, int SocialLevel, int UnderControl, double RatePer100k, bool BelowThreshold, SocialZeroStatus Status);

    public sealed record Series(
        string RegionCode, string Name, long Population, bool PopulationFromRegister, int Days, double ThresholdPer100k,
        IReadOnlyList<Day> Items)
    {
        public SocialZeroStatus Current => Items.Count == 0 ? SocialZeroStatus.None : Items[^1].Status;
    }

    public static async Task<Result<Series>> HandleAsync(
        FangkongDbContext db, string? region, DateOnly from, DateOnly to, SocialZeroSettings? settings = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        settings ??= SocialZeroSettings.Default;
        if (settings.Check() is { } invalid)
        {
            return invalid;
        }

        var code = Regions.RegionCode.Normalise(region);
        if (code is null || code.Length is not (4 or 6))
        {
            return Error.Invalid("region", ErrorText.Of("error.social-zero.not-code-city-county", region));
        }

        if (to < from || to.DayNumber - from.DayNumber >= MaxDays)
        {
            return Error.Invalid("to", ErrorText.Of("error.social-zero.range-cover-days", MaxDays));
        }

        // The counts below are of the whole county or city: a caller who sees only part of it would get a false "zero".
        if (!db.Jurisdiction.Covers(code))
        {
            return Error.Forbidden(ErrorText.Of("error.testing.region-outside-jurisdiction", code));
        }

        var name = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (name is null)
        {
            return Error.NotFound(ErrorText.Of("error.testing.region-not-registry", code));
        }

        var set = await db.RegionPopulations.AsNoTracking().Where(p => p.RegionCode == code).Select(p => (long?)p.Population).FirstOrDefaultAsync(ct);
        var population = set ?? await Populations.InSubtreeAsync(db, code, ct);

        var start = from.AddDays(1 - settings.Days);
        var counts = await db.CaseClassifications.AsNoTracking()
            .Where(c => c.RegionCode.StartsWith(code) && c.ReportedOn >= start && c.ReportedOn <= to)
            .GroupBy(c => new { c.ReportedOn, c.Level })
            .Select(g => new { g.Key.ReportedOn, g.Key.Level, Count = g.Count() })
            .ToListAsync(ct);
        var social = counts.Where(c => c.Level == DetectionLevel.SocialLevel).ToDictionary(c => c.ReportedOn, c => c.Count);
        var controlled = counts.Where(c => c.Level == DetectionLevel.UnderControl).ToDictionary(c => c.ReportedOn, c => c.Count);

        var days = new List<(DateOnly On, int Social, int Controlled, double Rate, bool Below)>();
        for (var d = start; d <= to; d = d.AddDays(1))
        {
            var s = social.GetValueOrDefault(d);
            var rate = population > 0 ? s * 100_000.0 / population : (s == 0 ? 0 : double.PositiveInfinity);
            days.Add((d, s, controlled.GetValueOrDefault(d), rate, rate < settings.ThresholdPer100k));
        }

        var items = new List<Day>();
        for (var i = settings.Days - 1; i < days.Count; i++)
        {
            var window = days.GetRange(i - settings.Days + 1, settings.Days);
            var status = window.TrueForAll(w => w.Social == 0) ? SocialZeroStatus.Zero
                : window.TrueForAll(w => w.Below) ? SocialZeroStatus.BasicZero
                : SocialZeroStatus.None;
            var day = days[i];
            items.Add(new Day(day.On, day.Social, day.Controlled, Math.Round(day.Rate, 4), day.Below, status));
        }

        return new Series(code, name, population, set is null, settings.Days, settings.ThresholdPer100k, items);
    }
}
