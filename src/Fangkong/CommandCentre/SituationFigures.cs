using Fangkong.Areas;
using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine;
using Fangkong.Quarantine.Allocation;
using Fangkong.Quarantine.Capacity;
using Fangkong.Quarantine.Transfers;
using Fangkong.SocialZero;
using Fangkong.Supervision.Findings;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.CommandCentre;

/// <summary>
/// The situation of a city or county at a glance (态势), for the command centre and the counties.
/// Every figure comes from a use case that a list page also uses, or from the same filter (the
/// bulletin's new cases, the social-zero series, the round's maintained tallies, the positive-pool
/// list, the quarantine queue, the end-of-day transfer list's total, the findings list's overdue
/// filter), so a tile and the list it links to agree; none counts the subtree's residents (ADR 0020,
/// 0029). See ADR 0041. A tile reads only its figure, not the list behind it (ADR 0042: the view is
/// the command centre's home page, opened by everyone at once).
/// </summary>
public static class SituationFigures
{
    /// <summary>Days shown when no outbreak start is set (the bulletin's <c>outbreak_starts_on</c>).</summary>
    public const int DefaultTrendDays = 30;

    public sealed record CasesToday(int Confirmed, int Asymptomatic, IReadOnlyList<UnitCases> ByUnit);

    public sealed record UnitCases(string Code, string Name, int Confirmed, int Asymptomatic);

    /// <param name="SocialLevel">New cases found at social level that day (the social-zero classification).</param>
    public sealed record TrendDay(DateOnly On, int Confirmed, int Asymptomatic, int UnderControl, int SocialLevel);

    public sealed record Trend(DateOnly From, bool FromOutbreakStart, SocialZeroStatus Status, IReadOnlyList<TrendDay> Days);

    /// <param name="CoverageRegion">The region the coverage is of: the situation's, or the round's area when that is smaller.</param>
    /// <param name="LongestWaitHours">Among positive pools whose members are not all under control yet, the longest time since the result arrived.</param>
    public sealed record RoundFigures(
        long RoundId, string Name, string CoverageRegion, DateTimeOffset Deadline, long ShouldTest, long Sampled, int TubesAwaitingResult,
        int PositivePools, int PoolsAwaitingControl, double? LongestWaitHours);

    public sealed record QuarantineFigures(int Free, int Used, int AwaitingDisinfection, int WaitingPeople, int TransfersLeftToday);

    public sealed record View(
        string RegionCode, string RegionName, DateOnly Today, DateTimeOffset AsOf, CasesToday Cases, Trend Trend, RoundFigures? Round,
        QuarantineFigures Quarantine, IReadOnlyDictionary<AreaLevel, int> AreasByLevel, int OverdueFindings);

    public static async Task<Result<View>> HandleAsync(FangkongDbContext db, TimeProvider time, string? region, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var code = region is null ? db.Jurisdiction.RegionPrefix : Regions.RegionCode.Normalise(region);
        if (code is null || code.Length is not (4 or 6))
        {
            return Error.Invalid("region", ErrorText.Of("error.social-zero.not-code-city-county", region ?? code));
        }

        var now = time.GetUtcNow();
        var today = ChinaTime.DayOf(now);
        var start = await BulletinStanding.OutbreakStartAsync(db, Regions.RegionCode.Parse(code), ct);
        var earliest = today.AddDays(1 - SocialZeroSeries.MaxDays);
        var from = start is { } s ? (s < earliest ? earliest : s > today ? today : s) : today.AddDays(1 - DefaultTrendDays);

        // Checks the jurisdiction and the region as the bulletin does (a partial count would read as complete).
        var cases = await SituationCases.ReadAsync(db, code, from, today, ct);
        if (!cases.IsSuccess)
        {
            return cases.Error!;
        }

        var trend = await TrendAsync(db, code, from, start is not null, today, cases.Value!, ct);
        if (!trend.IsSuccess)
        {
            return trend.Error!;
        }

        var round = await RoundAsync(db, time, code, ct);
        var quarantine = await QuarantineAsync(db, time, code, today, ct);
        var areas = await db.AreaDesignations.AsNoTracking()
            .Where(d => d.RegionCode.StartsWith(code) && d.EndsOn == null)
            .GroupBy(d => d.Level).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var overdue = await ListFindings.Overdue(db.Findings.AsNoTracking().Where(f => f.RegionCode.StartsWith(code)), now).CountAsync(ct);

        return new View(code, cases.Value!.RegionName, today, now, cases.Value.Today, trend.Value!, round, quarantine, areas, overdue);
    }

    /// <summary>
    /// New local cases per day since the outbreak's start (at most <see cref="SocialZeroSeries.MaxDays"/>
    /// days), with the social-zero classification's split of the same days.
    /// </summary>
    private static async Task<Result<Trend>> TrendAsync(
        FangkongDbContext db, string code, DateOnly from, bool fromOutbreakStart, DateOnly today, SituationCases.Read cases, CancellationToken ct)
    {
        var series = await SocialZeroSeries.HandleAsync(db, code, from, today, ct: ct);
        if (!series.IsSuccess)
        {
            return series.Error!;
        }

        int Of(DateOnly on, CaseType type) => cases.ByDay.GetValueOrDefault((on, type));
        var days = series.Value!.Items
            .Select(d => new TrendDay(d.On, Of(d.On, CaseType.Confirmed), Of(d.On, CaseType.Asymptomatic), d.UnderControl, d.SocialLevel))
            .ToList();
        return new Trend(from, fromOutbreakStart, series.Value.Current, days);
    }

    /// <summary>The latest round over (part of) the region: coverage from its tallies, tubes and positive pools by index.</summary>
    private static async Task<RoundFigures?> RoundAsync(FangkongDbContext db, TimeProvider time, string code, CancellationToken ct)
    {
        var round = await CurrentRound.FindAsync(db, code, ct);
        if (round is null)
        {
            return null;
        }

        var area = code.StartsWith(round.RegionCode, StringComparison.Ordinal) ? code : round.RegionCode;
        var coverage = await RoundCoverage.HandleAsync(db, time, round.Id, area, ct);
        if (!coverage.IsSuccess)
        {
            return null;
        }

        var total = coverage.Value!.Total;
        var awaiting = await db.Tubes.AsNoTracking().CountAsync(t => t.RoundId == round.Id && t.Result == null, ct);
        var pools = await ListPositivePools.Concerning(db, round.Id).Select(t => new { t.ResultReceivedAt, t.TracedAt }).ToListAsync(ct);
        var open = pools.Where(p => p.TracedAt is null).ToList();
        var oldest = open.Where(p => p.ResultReceivedAt is not null).Select(p => p.ResultReceivedAt!.Value).DefaultIfEmpty().Min();
        double? longest = oldest == default ? null : Math.Round((time.GetUtcNow() - oldest).TotalHours, 1);
        return new RoundFigures(round.Id, round.Name, area, round.Deadline, total.ShouldTest, total.Sampled, awaiting, pools.Count, open.Count, longest);
    }

    private static async Task<QuarantineFigures> QuarantineAsync(FangkongDbContext db, TimeProvider time, string code, DateOnly today, CancellationToken ct)
    {
        // Sites and the queue are the caller's (the query filter), as on the quarantine pages the tiles link to.
        // As the capacity summary counts them: every site with rooms, hospital beds only where the hospital is open.
        var sites = (await SiteOccupancy.ReadAsync(db, ct))
            .Where(s => s.RegionCode.StartsWith(code, StringComparison.Ordinal))
            .Where(s => s.Kind.HasRooms() || (s.IsOpen && s.Kind is SiteKind.ShelterHospital or SiteKind.DesignatedHospital))
            .ToList();
        var waiting = (await WaitingList.ReadAsync(db, today, ct)).Count(w => w.Subject.RegionCode.StartsWith(code, StringComparison.Ordinal));
        var left = await EndOfDayList.WaitingNowAsync(db, time, code, ct);
        return new QuarantineFigures(
            sites.Sum(s => s.Available), sites.Sum(s => s.Occupied), sites.Sum(s => s.AwaitingDisinfection), waiting, left);
    }
}
