using System.Diagnostics;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// <c>bench persons-import</c>: per run, on a fresh database, the raw baseline load of a CSV file
/// and then Fangkong's own import of the same file (read, validate, resolve residences, upsert,
/// audit); medians over the runs.
/// </summary>
internal static class PersonsImportBenchmark
{
    public sealed record Measure(string Name, double Seconds, double RowsPerSecond, IReadOnlyList<double> RunSeconds);

    public sealed record Report(string Name, string Provider, long Rows, int Runs, double Seconds, double RowsPerSecond, Measure Baseline, double Ratio, IReadOnlyList<double> RunSeconds, int Processors);

    public static async Task<Report> RunAsync(DatabaseSettings chosen, int rows, int runs, Action<string> log, CancellationToken ct)
    {
        var population = await BenchPopulation.ForAsync(chosen, ct);
        var csv = Path.Combine(Path.GetTempPath(), $"fangkong-bench-persons-{Environment.ProcessId}.csv");
        try
        {
            log($"generating {rows:N0} residents in {population.Communities.Count} communities -> {csv}");
            var written = population.WriteCsv(csv, rows);
            var fangkong = new List<double>();
            var baseline = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                await using var fresh = await BenchDatabase.CreateAsync(chosen, run, ct);
                await using var services = CliServices.Build(fresh.Settings);
                await using (var scope = services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync(cancellationToken: ct);
                    await population.SeedAsync(scope.ServiceProvider.GetRequiredService<FangkongDbContext>(), ct);
                }

                var (baselineRows, baselineTime) = await BaselineLoad.RunAsync(fresh.Settings, csv, ct);
                if (baselineRows != written)
                {
                    throw new InvalidOperationException($"Baseline loaded {baselineRows} rows, expected {written}.");
                }

                await using (var scope = services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<FangkongDbContext>();
                    var watch = Stopwatch.StartNew();
                    var result = await ImportPersons.HandleAsync(db, new ImportPersons.Command(csv), null, ct);
                    watch.Stop();
                    if (!result.IsSuccess || result.Value!.Load.Inserted != written)
                    {
                        throw new InvalidOperationException($"The import did not load all {written} rows: {result.Error?.Message ?? result.Value!.Load.ToString()}");
                    }

                    fangkong.Add(watch.Elapsed.TotalSeconds);
                }

                baseline.Add(baselineTime.TotalSeconds);
                log($"run {run}/{runs}: baseline {baselineTime.TotalSeconds:F2} s, fangkong {fangkong[^1]:F2} s");
            }

            var seconds = Median(fangkong);
            var baselineSeconds = Median(baseline);
            var baselineMeasure = new Measure(
                chosen.Provider == DatabaseProvider.Postgres ? BaselineLoad.PostgresName : BaselineLoad.SqliteName,
                baselineSeconds, written / baselineSeconds, baseline);
            return new Report(
                "persons-import", chosen.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite", written, runs,
                seconds, written / seconds, baselineMeasure, baselineSeconds / seconds, fangkong, Environment.ProcessorCount);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    public static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
