using System.Diagnostics;
using System.Globalization;
using System.Text;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.Persons;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// <c>bench sampling</c>: a round's sampling file of N residents swabbed 10 to a tube, imported
/// by <c>testing import-samples</c>'s use case (read, check every swab, open the tubes, resolve
/// identities, write, audit), against the raw load of the same file in the same run. Each run
/// starts from the same state: the residents loaded, no tubes and no swabs.
/// </summary>
internal static class SamplingBenchmark
{
    /// <summary>The sampling file's four columns, raw.</summary>
    private static readonly CsvBaseline.Table RawTable = new("bench_scan_baseline",
        [("tube_barcode", CsvBaseline.Kind.Text), ("id_number", CsvBaseline.Kind.Text), ("sampled_at", CsvBaseline.Kind.Time), ("sampling_point", CsvBaseline.Kind.Text)]);

    public sealed record Report(
        string Name, string Provider, long Rows, long Tubes, int Runs, double Seconds, double RowsPerSecond,
        PersonsImportBenchmark.Measure Baseline, double Ratio, PersonsImportBenchmark.Measure StorageFloor, double FloorRatio,
        IReadOnlyList<double> RunSeconds, double SetupSeconds, int Processors);

    public static async Task<Report> RunAsync(DatabaseSettings chosen, int people, int runs, Action<string> log, CancellationToken ct)
    {
        var population = await BenchPopulation.ForAsync(chosen, ct);
        var csv = Path.Combine(Path.GetTempPath(), $"fangkong-bench-sampling-{Environment.ProcessId}.csv");
        await using var fresh = await BenchDatabase.CreateAsync(chosen, 0, ct);
        await using var services = CliServices.Build(fresh.Settings);
        try
        {
            var setup = Stopwatch.StartNew();
            long rows;
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync(cancellationToken: ct);
                var db = scope.ServiceProvider.GetRequiredService<FangkongDbContext>();
                await population.SeedAsync(db, ct);
                log($"loading {people:N0} residents");
                await PersonBulkLoader.LoadAsync(db, new DemoPopulation(DemoSetup.County).Generate(population.Communities, people), null, ct);
                if (db.Database.IsNpgsql())
                {
                    await BenchSql.ExecuteAsync(db, "ANALYZE", ct);
                }

                rows = await WriteScansAsync(db, csv, ct);
                log($"{rows:N0} swabs in {(rows + 9) / 10:N0} tubes -> {csv}");
            }

            setup.Stop();
            var fangkong = new List<double>();
            var baseline = new List<double>();
            var floor = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                var (baselineRows, baselineTime) = await CsvBaseline.RunAsync(fresh.Settings, RawTable, csv, ct);
                if (baselineRows != rows)
                {
                    throw new InvalidOperationException($"The baseline loaded {baselineRows} rows, expected {rows}.");
                }

                baseline.Add(baselineTime.TotalSeconds);
                var (seconds, roundId) = await ImportOnceAsync(services, csv, rows, ct);
                fangkong.Add(seconds);
                floor.Add((await SamplesFloorLoad.RunAsync(fresh.Settings, roundId, ct)).TotalSeconds);
                log($"run {run}/{runs}: baseline {baseline[^1]:F2} s, fangkong {fangkong[^1]:F2} s, storage floor {floor[^1]:F2} s");
            }

            var median = PersonsImportBenchmark.Median(fangkong);
            var baselineSeconds = PersonsImportBenchmark.Median(baseline);
            var floorSeconds = PersonsImportBenchmark.Median(floor);
            var postgres = chosen.Provider == DatabaseProvider.Postgres;
            return new Report(
                "sampling", postgres ? "postgres" : "sqlite", rows, (rows + 9) / 10, runs, median, rows / median,
                new PersonsImportBenchmark.Measure(postgres ? CsvBaseline.PostgresName : CsvBaseline.SqliteName, baselineSeconds, rows / baselineSeconds, baseline),
                baselineSeconds / median,
                new PersonsImportBenchmark.Measure(postgres ? SamplesFloorLoad.Name : SamplesFloorLoad.SqliteName, floorSeconds, rows / floorSeconds, floor),
                floorSeconds / median, fangkong, setup.Elapsed.TotalSeconds, Environment.ProcessorCount);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    /// <summary>Empties the swabs and tubes, opens a new round, and times the import of the whole file.</summary>
    private static async Task<(double Seconds, long RoundId)> ImportOnceAsync(ServiceProvider services, string csv, long rows, CancellationToken ct)
    {
        long roundId;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FangkongDbContext>();
            await BenchSql.ExecuteAsync(db, "DELETE FROM samples", ct);
            await BenchSql.ExecuteAsync(db, "DELETE FROM tubes", ct);
            if (db.Database.IsNpgsql())
            {
                await BenchSql.ExecuteAsync(db, "VACUUM ANALYZE samples", ct);
                await BenchSql.ExecuteAsync(db, "VACUUM ANALYZE tubes", ct);
            }

            roundId = (await CreateRound.HandleAsync(db, TimeProvider.System, new CreateRound.Command("bench", DemoSetup.County, 10, null, null), ct)).Value!.Id;
        }

        await using var import = services.CreateAsyncScope();
        var context = import.ServiceProvider.GetRequiredService<FangkongDbContext>();
        var watch = Stopwatch.StartNew();
        var report = await ImportSamples.HandleAsync(context, roundId, csv, null, ct);
        watch.Stop();
        if (!report.IsSuccess || report.Value!.Recorded != rows)
        {
            throw new InvalidOperationException($"The import recorded {report.Value?.Recorded} of {rows} swabs: {report.Error?.Message ?? (report.Value!.Refused.Count > 0 ? report.Value.Refused[0].Reason : null)}");
        }

        return (watch.Elapsed.TotalSeconds, roundId);
    }

    /// <summary>Every resident once, in tubes of ten, as a sampling team's export.</summary>
    private static async Task<long> WriteScansAsync(FangkongDbContext db, string path, CancellationToken ct)
    {
        var documents = await db.Persons.AsNoTracking().OrderBy(p => p.Id).Select(p => p.DocumentNumber).ToListAsync(ct);
        var start = new DateTimeOffset(2022, 4, 7, 6, 0, 0, TimeSpan.FromHours(8));
        await using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        await writer.WriteAsync("tube_barcode,id_number,sampled_at,sampling_point\n");
        for (var i = 0; i < documents.Count; i++)
        {
            var at = start.AddSeconds(i / 50).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
            await writer.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"JL{i / 10:D8},{documents[i]},{at},第{i / 3000 % 400 + 1}采样点\n"));
        }

        return documents.Count;
    }
}
