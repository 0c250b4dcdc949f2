using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Fangkong.Cli.Benchmarks;
using Spectre.Console;

namespace Fangkong.Cli.Commands;

/// <summary><c>fangkong bench persons-import --rows N --runs R --format json|table</c>: measures the people import against a raw load.</summary>
internal static class BenchCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static Command Create()
    {
        var rows = new Option<int>("--rows") { Description = "Residents to generate and import", DefaultValueFactory = _ => 200_000 };
        var runs = new Option<int>("--runs") { Description = "Runs, each on a fresh database; medians are reported", DefaultValueFactory = _ => 3 };
        var format = new Option<string>("--format") { Description = "json or table", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "table");
        var personsImport = new Command("persons-import", "人员导入基准 Import generated residents from CSV, against a raw load of the same file") { rows, runs, format };
        personsImport.SetAction(async (result, ct) =>
        {
            var n = result.GetValue(rows);
            var r = result.GetValue(runs);
            if (n < 1 || r < 1)
            {
                throw new FormatException("--rows and --runs must be at least 1.");
            }

            var settings = GlobalOptions.Settings(result);
            var report = await PersonsImportBenchmark.RunAsync(settings, n, r, line => Console.Error.WriteLine(line), ct);
            if (result.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                PrintTable(report);
            }

            return 0;
        });
        return new Command("bench", "基准测试 Benchmarks (run with the Release build: ./fangkong bench ...)") { personsImport };
    }

    private static void PrintTable(PersonsImportBenchmark.Report report)
    {
        var table = new Table().AddColumns("", "median s", "rows/s", "runs (s)");
        string Runs(IEnumerable<double> values) => string.Join(" ", values.Select(v => v.ToString("F2", CultureInfo.InvariantCulture)));
        table.AddRow("fangkong persons import", report.Seconds.ToString("F2", CultureInfo.InvariantCulture), report.RowsPerSecond.ToString("N0", CultureInfo.InvariantCulture), Runs(report.RunSeconds));
        table.AddRow(Markup.Escape("baseline: " + report.Baseline.Name), report.Baseline.Seconds.ToString("F2", CultureInfo.InvariantCulture), report.Baseline.RowsPerSecond.ToString("N0", CultureInfo.InvariantCulture), Runs(report.Baseline.RunSeconds));
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"persons-import on {report.Provider}: {report.Rows:N0} rows, {report.Runs} run(s), {report.Processors} processor(s)");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"ratio fangkong/baseline: [bold]{report.Ratio:F2}[/]");
    }
}
