using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Persons;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Fangkong.Demo.Replay;

/// <summary>
/// <c>demo --scenario jilin-city-2022</c>: Jilin City's outbreak replayed day by day on a simulation
/// clock, over a synthetic population of the city under its real communities and villages. Each day
/// runs a round of testing, reports the day's cases and finds their close contacts through the
/// product's use cases, so that the bulletins of the calibrated days give the published figures.
/// Days already replayed (a round of that day exists) are skipped, so a stopped run resumes.
/// </summary>
public static class JilinCityReplay
{
    public const string Scenario = "jilin-city-2022";

    /// <summary>吉林市.</summary>
    public const string City = "2202";

    /// <summary>The default on SQLite: a sample of the city that a laptop replays in minutes.</summary>
    public const int DefaultPeopleSqlite = 100_000;

    /// <summary>About the registered population of Jilin City (2020 census: 3.62 million).</summary>
    public const int FullPeople = 3_620_000;

    public const int DefaultSeed = 2022;

    /// <summary>The replay's options; <paramref name="Capacity"/> scales the rooms and beds of <see cref="ReplaySites"/> (1: the city's).</summary>
    public sealed record Options(DateOnly From, DateOnly Until, int People, int Seed, double Capacity = 1.0)
    {
        public static Options Default(int people) => new(JilinCityCalibration.FirstDay, JilinCityCalibration.DefaultUntil, people, DefaultSeed);
    }

    /// <summary>Where the replay is: the day (null while the population loads), its stage, and counts.</summary>
    public sealed record Progress(DateOnly? Day, string Stage, long Done, long Total);

    public sealed record Day(
        DateOnly Date, DayTarget Target, ReplayTesting.Outcome? Testing, ReplayReporting.Outcome? Reporting, int UnderControl, bool Skipped,
        ReplayQuarantine.Outcome? Quarantine = null);

    public sealed record Report(long PeopleLoaded, long People, IReadOnlyList<Day> Days);

    public static async Task<Report> RunAsync(FangkongDbContext db, Options options, IProgress<Progress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(options);
        Check(options);
        await EnsureReferenceData.EnsureJilinAsync(db, ct);
        var loaded = await EnsurePopulationAsync(db, options, progress, ct);

        var calibration = new JilinCityCalibration(options.Seed);
        var clock = SimulationClock.StartingOn(options.From);
        await using var replay = NewContext(db, clock);
        var city = await ReplayCity.LoadAsync(replay, City, ct);
        var days = new List<Day>();
        foreach (var target in calibration.Days(options.From, options.Until))
        {
            ct.ThrowIfCancellationRequested();
            days.Add(await RunDayAsync(replay, clock, city, target, options, progress is null ? null : new DayProgress(progress, target.Day), ct));
        }

        return new Report(loaded, city.Residents.Count, days);
    }

    private static async Task<Day> RunDayAsync(
        FangkongDbContext db, SimulationClock clock, ReplayCity city, DayTarget target, Options options, IProgress<(string, long, long)>? progress, CancellationToken ct)
    {
        var name = $"吉林市全员核酸检测 {target.Day:yyyy-MM-dd}";
        if (await db.TestingRounds.AnyAsync(r => r.Name == name, ct))
        {
            return new Day(target.Day, target, null, null, 0, Skipped: true);
        }

        await city.RefreshAsync(db, City, target.Day, ct);
        var plan = DayPlan.Make(city, target, options.Seed);
        var testing = await ReplayTesting.RunAsync(db, clock, plan, progress, ct);
        var reporting = await ReplayReporting.RunAsync(db, clock, city, plan, testing.RoundId, progress, ct);
        progress?.Report(("隔离 quarantine", 0, 1));
        var quarantine = await ReplayQuarantine.RunAsync(db, clock, target.Day, options.Capacity, ct);
        progress?.Report(("隔离 quarantine", 1, 1));
        return new Day(target.Day, target, testing, reporting, plan.UnderControl, Skipped: false, quarantine);
    }

    private static void Check(Options options)
    {
        if (options.From < JilinCityCalibration.FirstDay || options.From > JilinCityCalibration.LastDay)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.From, $"from: the replay runs from {JilinCityCalibration.FirstDay:yyyy-MM-dd} to {JilinCityCalibration.LastDay:yyyy-MM-dd}.");
        }

        if (options.Until < options.From || options.Until > JilinCityCalibration.LastDay)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Until, $"until: a day from {options.From:yyyy-MM-dd} to {JilinCityCalibration.LastDay:yyyy-MM-dd}.");
        }

        if (!(options.Capacity >= 0 && options.Capacity <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Capacity, "capacity: a scale of the rooms and beds from 0 to 100.");
        }

        if (options.People <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.People, "people: a positive number of residents.");
        }
    }

    /// <summary>Loads the synthetic city when it has no residents yet; an existing population is kept whatever its size.</summary>
    internal static async Task<long> EnsurePopulationAsync(FangkongDbContext db, Options options, IProgress<Progress>? progress, CancellationToken ct)
    {
        if (await db.Persons.AnyAsync(p => p.RegionCode.StartsWith(City), ct))
        {
            return 0;
        }

        var communities = await db.Regions.AsNoTracking()
            .Where(r => r.Code.StartsWith(City) && r.Level == RegionLevel.Community)
            .OrderBy(r => r.Code)
            .Select(r => new DemoPopulation.Community(r.Code, r.Name))
            .ToListAsync(ct);
        var rows = new DemoPopulation(DemoSetup.County, options.Seed).Generate(communities, options.People);
        var report = progress is null ? null : new PopulationProgress(progress, options.People);
        var summary = await PersonBulkLoader.LoadAsync(db, rows, report, ct);
        return summary.Inserted + summary.Updated;
    }

    /// <summary>A context on the same database, as the system, whose clock is the simulation's.</summary>
    internal static FangkongDbContext NewContext(FangkongDbContext db, SimulationClock clock)
    {
        var options = (DbContextOptions<FangkongDbContext>)db.GetService<IDbContextOptions>();
        return new FangkongDbContext(options, new FixedJurisdiction(Jurisdiction.System), clock);
    }

    /// <summary>A day's stages reported as the replay's progress, on the caller's thread (Progress&lt;T&gt; would post them out of order).</summary>
    private sealed class DayProgress(IProgress<Progress> progress, DateOnly day) : IProgress<(string Stage, long Done, long Total)>
    {
        public void Report((string Stage, long Done, long Total) value) => progress.Report(new Progress(day, value.Stage, value.Done, value.Total));
    }

    private sealed class PopulationProgress(IProgress<Progress> progress, int total) : IProgress<long>
    {
        public void Report(long value) => progress.Report(new Progress(null, "人口 residents", value, total));
    }
}
