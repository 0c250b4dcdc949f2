using System.Diagnostics;
using System.Globalization;
using Fangkong.Areas;
using Fangkong.Data;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// <c>bench area-evaluation</c>: the daily status evaluation of a whole province — the lifting
/// criteria of every compound plus the proposals (<see cref="ProposeAreaChanges"/>) — over a
/// fresh database with Jilin's real regions and generated compounds, residents, cases, close
/// contacts, one province-wide testing round (10-in-1 tubes) and designations (some compounds
/// sealed, some controlled, every county a precaution area). The data is written in SQL (set-up
/// is not measured). Each run starts without proposals, so that every run does the same work.
/// </summary>
internal static class AreaEvaluationBenchmark
{
    public sealed record Report(
        string Name, string Provider, int Compounds, int Residents, int Cases, int Contacts, int Samples, int Designations, string Date, int Runs,
        double Seconds, IReadOnlyList<double> RunSeconds, int Proposals, int Evaluated, double SetupSeconds, int Processors);

    private static readonly DateOnly Day = new(2022, 4, 20);

    public static async Task<Report> RunAsync(DatabaseSettings chosen, int compounds, int residentsPerCompound, int runs, Action<string> log, CancellationToken ct)
    {
        await using var fresh = await BenchDatabase.CreateAsync(chosen, 0, ct);
        await using var services = CliServices.Build(fresh.Settings);
        var postgres = chosen.Provider == DatabaseProvider.Postgres;
        var residents = compounds * residentsPerCompound;
        var cases = Math.Max(1, compounds / 10);
        var contacts = Math.Max(1, compounds / 2);
        int samples, designations;
        var setup = Stopwatch.StartNew();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync(cancellationToken: ct);
            var db = scope.ServiceProvider.GetRequiredService<FangkongDbContext>();
            await EnsureReferenceData.EnsureJilinAsync(db, ct);
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(20));
            var communities = await db.Regions.CountAsync(r => r.Level == RegionLevel.Community && r.Code.StartsWith("22"), ct);
            log($"writing {compounds:N0} compounds, {residents:N0} residents, {cases:N0} cases, {contacts:N0} close contacts, a round");
            await db.Database.ExecuteSqlRawAsync("CREATE TABLE bench_communities AS SELECT code, ROW_NUMBER() OVER (ORDER BY code) AS n FROM regions WHERE level = 'Community' AND code LIKE '22%'", ct);
            await db.Database.ExecuteSqlRawAsync("CREATE UNIQUE INDEX ix_bench_communities_n ON bench_communities (n)", ct);
            foreach (var sql in AreaEvaluationData.Statements(postgres, compounds, residentsPerCompound, cases, contacts, communities, Day))
            {
                await db.Database.ExecuteSqlRawAsync(sql, ct);
            }

            await db.Database.ExecuteSqlRawAsync("DROP TABLE bench_communities", ct);
            await db.Database.ExecuteSqlRawAsync(postgres ? "VACUUM ANALYZE" : "ANALYZE", ct);
            samples = await db.Samples.CountAsync(ct);
            designations = await db.AreaDesignations.CountAsync(ct);
        }

        setup.Stop();
        log($"set-up {setup.Elapsed.TotalSeconds:F1} s; {samples:N0} samples, {designations:N0} designations");
        var seconds = new List<double>();
        ProposeAreaChanges.Summary? summary = null;
        for (var run = 1; run <= runs; run++)
        {
            await using (var reset = services.CreateAsyncScope())
            {
                await reset.ServiceProvider.GetRequiredService<FangkongDbContext>().Database.ExecuteSqlRawAsync("DELETE FROM area_proposals", ct);
            }

            await using var request = services.CreateAsyncScope();
            var db = request.ServiceProvider.GetRequiredService<FangkongDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(10));
            var started = Stopwatch.GetTimestamp();
            var result = await ProposeAreaChanges.HandleAsync(db, TimeProvider.System, "22", Day, AreaCriteriaSettings.Default, ct);
            seconds.Add(Stopwatch.GetElapsedTime(started).TotalSeconds);
            summary = result.Value ?? throw new InvalidOperationException(result.Error!.Message);
            if (summary.Compounds != compounds || summary.Proposed == 0)
            {
                throw new InvalidOperationException($"Benchmark self-check failed: {summary.Compounds} of {compounds} compounds evaluated, {summary.Proposed} proposals.");
            }

            log($"run {run}: {seconds[^1]:F2} s, {summary.Proposed:N0} proposals");
        }

        var sorted = seconds.Order().ToList();
        var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
        return new Report(
            "area-evaluation", chosen.Provider.ToString(), compounds, residents, cases, contacts, samples, designations,
            Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), runs, Math.Round(median, 3), seconds.Select(s => Math.Round(s, 3)).ToList(),
            summary!.Proposed, summary.Compounds, Math.Round(setup.Elapsed.TotalSeconds, 1), Environment.ProcessorCount);
    }
}
