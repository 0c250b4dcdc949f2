using System.Diagnostics;
using System.Globalization;
using System.Text;
using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// <c>bench contacts-import</c>: per run, on a fresh database holding the regions and the source
/// cases, a generated contacts file of N rows imported by <c>contacts import</c>'s use case (read,
/// check every row, look up cases and source contacts, give each contact the order of the plan in
/// force, write, audit), against the raw load of the same file in the same run and the copy of
/// the imported rows into a twin of <c>contacts</c> with its indexes (the storage floor); medians.
/// </summary>
internal static class ContactsImportBenchmark
{
    /// <summary>The contacts file's ten documented columns, raw.</summary>
    private static readonly CsvBaseline.Table RawTable = new("bench_contacts_baseline",
    [
        ("contact_no", CsvBaseline.Kind.Text), ("kind", CsvBaseline.Kind.Text), ("source_case_no", CsvBaseline.Kind.Text), ("source_contact_no", CsvBaseline.Kind.Text),
        ("id_number", CsvBaseline.Kind.Text), ("name", CsvBaseline.Kind.Text), ("region_code", CsvBaseline.Kind.Text),
        ("exposure_on", CsvBaseline.Kind.Date), ("identified_on", CsvBaseline.Kind.Date), ("released_on", CsvBaseline.Kind.Date),
    ]);

    /// <summary>Rows per source case: of each block of five rows four are close contacts and one a secondary contact.</summary>
    private const int RowsPerCase = 100;

    public sealed record Report(
        string Name, string Provider, long Rows, int Cases, int Runs, double Seconds, double RowsPerSecond,
        PersonsImportBenchmark.Measure Baseline, double Ratio, PersonsImportBenchmark.Measure StorageFloor, double FloorRatio,
        IReadOnlyList<double> RunSeconds, int Processors);

    public static async Task<Report> RunAsync(DatabaseSettings chosen, int rows, int runs, Action<string> log, CancellationToken ct)
    {
        var population = await BenchPopulation.ForAsync(chosen, ct);
        var csv = Path.Combine(Path.GetTempPath(), $"fangkong-bench-contacts-{Environment.ProcessId}.csv");
        try
        {
            var cases = Math.Max(1, rows / RowsPerCase);
            var written = WriteCsv(population, csv, rows, cases);
            log($"{written:N0} contacts of {cases:N0} cases -> {csv}");
            var fangkong = new List<double>();
            var baseline = new List<double>();
            var floor = new List<double>();
            for (var run = 1; run <= runs; run++)
            {
                await using var fresh = await BenchDatabase.CreateAsync(chosen, run, ct);
                await using var services = CliServices.Build(fresh.Settings);
                await using (var scope = services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync(cancellationToken: ct);
                    var db = scope.ServiceProvider.GetRequiredService<FangkongDbContext>();
                    await population.SeedAsync(db, ct);
                    await BenchSql.ExecuteAsync(db, CasesSql(population, cases), ct);
                    await BenchSql.ExecuteAsync(db, db.Database.IsNpgsql() ? "VACUUM ANALYZE" : "ANALYZE", ct);
                }

                var (baselineRows, baselineTime) = await CsvBaseline.RunAsync(fresh.Settings, RawTable, csv, ct);
                if (baselineRows != written)
                {
                    throw new InvalidOperationException($"The baseline loaded {baselineRows} rows, expected {written}.");
                }

                baseline.Add(baselineTime.TotalSeconds);
                await using (var scope = services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<FangkongDbContext>();
                    var watch = Stopwatch.StartNew();
                    var result = await ImportContacts.HandleAsync(db, csv, ct);
                    watch.Stop();
                    if (!result.IsSuccess || result.Value!.Added != written)
                    {
                        throw new InvalidOperationException($"The import did not add all {written} contacts: {result.Error?.Message ?? result.Value!.ToString()}");
                    }

                    fangkong.Add(watch.Elapsed.TotalSeconds);
                }

                await using (var scope = services.CreateAsyncScope())
                {
                    var stored = await scope.ServiceProvider.GetRequiredService<FangkongDbContext>().Contacts.BypassJurisdiction(BypassReason.BenchmarkCount).LongCountAsync(ct);
                    if (stored != written)
                    {
                        throw new InvalidOperationException($"{stored} contacts stored, expected {written}.");
                    }
                }

                floor.Add((await ContactsFloorLoad.RunAsync(fresh.Settings, ct)).TotalSeconds);
                log($"run {run}/{runs}: baseline {baseline[^1]:F2} s, fangkong {fangkong[^1]:F2} s, storage floor {floor[^1]:F2} s");
            }

            var median = PersonsImportBenchmark.Median(fangkong);
            var baselineSeconds = PersonsImportBenchmark.Median(baseline);
            var floorSeconds = PersonsImportBenchmark.Median(floor);
            var postgres = chosen.Provider == DatabaseProvider.Postgres;
            return new Report(
                "contacts-import", postgres ? "postgres" : "sqlite", written, cases, runs, median, written / median,
                new PersonsImportBenchmark.Measure(postgres ? CsvBaseline.PostgresName : CsvBaseline.SqliteName, baselineSeconds, written / baselineSeconds, baseline),
                baselineSeconds / median,
                new PersonsImportBenchmark.Measure(postgres ? ContactsFloorLoad.Name : ContactsFloorLoad.SqliteName, floorSeconds, written / floorSeconds, floor),
                floorSeconds / median, fangkong, Environment.ProcessorCount);
        }
        finally
        {
            File.Delete(csv);
        }
    }

    /// <summary>The source cases BJ000001…, confirmed, in the communities in turn (set-up, plain SQL).</summary>
    private static string CasesSql(BenchPopulation population, int cases)
    {
        var communities = population.Communities;
        var values = Enumerable.Range(1, cases).Select(k => string.Create(CultureInfo.InvariantCulture,
            $"('BJ{k:D6}', '病例', '', '{communities[k % communities.Count].Code}', 'Confirmed', 'Mild', 'Mild', '2022-02-28', 'LineList')"));
        return $"INSERT INTO cases (case_no, name, id_number, region_code, type, severity, reported_severity, reported_on, source) VALUES {string.Join(", ", values)}";
    }

    /// <summary>
    /// Writes the contacts file: generated residents (their identity numbers, names and communities),
    /// each block of 100 rows the contacts of one case; in each five rows four close contacts and one
    /// secondary contact of the first of them. Identification days run over 150 days from
    /// 2022-03-01, so both national plans (the 9th from 2022-06-28) are in force for some rows;
    /// a third are already released. Returns the rows written.
    /// </summary>
    private static long WriteCsv(BenchPopulation population, string path, int rows, int cases)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.Write("contact_no,kind,source_case_no,source_contact_no,id_number,name,region_code,exposure_on,identified_on,released_on\n");
        var first = new DateOnly(2022, 3, 1);
        long i = 0;
        foreach (var p in new DemoPopulation(DemoSetup.County).Generate(population.Communities, rows).Take(rows))
        {
            var caseNo = string.Create(CultureInfo.InvariantCulture, $"BJ{i / RowsPerCase % cases + 1:D6}");
            var secondary = i % 5 == 4;
            var identified = first.AddDays((int)(i / RowsPerCase % 150));
            var line = string.Create(CultureInfo.InvariantCulture,
                $"MJ{i:D8},{(secondary ? "secondary" : "close")},{(secondary ? "" : caseNo)},{(secondary ? $"MJ{i - 4:D8}" : "")},{p.DocumentNumber},{Field(p.Name)},{p.RegionCode},{identified.AddDays(-2):yyyy-MM-dd},{identified:yyyy-MM-dd},{(i % 3 == 0 ? identified.AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "")}\n");
            writer.Write(line);
            i++;
        }

        return i;
    }

    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
