using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Fangkong.Cli.Benchmarks;
using Spectre.Console;
using Fangkong.Common;

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
        return new Command("bench", ErrorText.Of("cli.bench.description")) { personsImport, PoolTrace(), Sampling(), Bulletin(), PassVerify(), ContactsImport(), Allocation(), AreaEvaluationCommand.Create(), ScanPeakCommand.Create(), Benchmarks.Pages.PagesCommand.Create() };
    }

    private static Command PoolTrace()
    {
        var format = new Option<string>("--format") { Description = "json or table", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "table");
        var people = new Option<int>("--people") { Description = "Residents in the round", DefaultValueFactory = _ => 1_000_000 };
        var positives = new Option<int>("--positives") { Description = "Positive tubes", DefaultValueFactory = _ => 1_000 };
        var batch = new Option<int>("--batch") { Description = "Results per lab upload", DefaultValueFactory = _ => 100 };
        var command = new Command("pool-trace", "混管追踪基准 Time from a positive result to all of its tube's members under control") { people, positives, batch, format };
        command.SetAction(async (result, ct) =>
        {
            if (result.GetValue(people) < 10 || result.GetValue(positives) < 1 || result.GetValue(batch) < 1)
            {
                throw new FormatException("--people must be at least 10, --positives and --batch at least 1.");
            }

            var report = await PoolTraceBenchmark.RunAsync(
                GlobalOptions.Settings(result), result.GetValue(people), result.GetValue(positives), result.GetValue(batch), line => Console.Error.WriteLine(line), ct);
            if (result.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"pool-trace on {report.Provider}: {report.People:N0} people in {report.Tubes:N0} tubes; {report.PositiveTubes:N0} positive in batches of {report.BatchSize}: p50 {report.P50Seconds:F3} s, p99 [bold]{report.P99Seconds:F3} s[/], max {report.MaxSeconds:F3} s (all results {report.Seconds:F1} s); county coverage {report.CoverageSeconds:F2} s; set-up {report.SetupSeconds:F1} s");
            }

            return 0;
        });
        return command;
    }

    private static Command Sampling()
    {
        var format = new Option<string>("--format") { Description = "json or table", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "table");
        var people = new Option<int>("--people") { Description = "Residents swabbed, 10 to a tube", DefaultValueFactory = _ => 1_000_000 };
        var runs = new Option<int>("--runs") { Description = "Runs on the same residents; medians are reported", DefaultValueFactory = _ => 3 };
        var command = new Command("sampling", "采样导入基准 Bulk import of a round's swabs, against a raw load of the same file") { people, runs, format };
        command.SetAction(async (result, ct) =>
        {
            if (result.GetValue(people) < 10 || result.GetValue(runs) < 1)
            {
                throw new FormatException("--people must be at least 10, --runs at least 1.");
            }

            var report = await SamplingBenchmark.RunAsync(GlobalOptions.Settings(result), result.GetValue(people), result.GetValue(runs), line => Console.Error.WriteLine(line), ct);
            if (result.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"sampling on {report.Provider}: {report.Rows:N0} swabs in {report.Tubes:N0} tubes, {report.Runs} run(s): fangkong {report.Seconds:F2} s ({report.RowsPerSecond:N0}/s), baseline {report.Baseline.Seconds:F2} s ({report.Baseline.RowsPerSecond:N0}/s), ratio [bold]{report.Ratio:F2}[/]; storage floor {report.StorageFloor.Seconds:F2} s, ratio [bold]{report.FloorRatio:F2}[/]");
            }

            return 0;
        });
        return command;
    }

    private static Command ContactsImport()
    {
        var format = new Option<string>("--format") { Description = "json or table", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "table");
        var rows = new Option<int>("--rows") { Description = "Contacts to generate and import (one source case per 100)", DefaultValueFactory = _ => 200_000 };
        var runs = new Option<int>("--runs") { Description = "Runs, each on a fresh database; medians are reported", DefaultValueFactory = _ => 3 };
        var command = new Command("contacts-import", "密接导入基准 Import generated contacts from CSV, against a raw load of the same file") { rows, runs, format };
        command.SetAction(async (result, ct) =>
        {
            if (result.GetValue(rows) < 5 || result.GetValue(runs) < 1)
            {
                throw new FormatException("--rows must be at least 5, --runs at least 1.");
            }

            var report = await ContactsImportBenchmark.RunAsync(GlobalOptions.Settings(result), result.GetValue(rows), result.GetValue(runs), line => Console.Error.WriteLine(line), ct);
            if (result.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"contacts-import on {report.Provider}: {report.Rows:N0} contacts of {report.Cases:N0} cases, {report.Runs} run(s): fangkong {report.Seconds:F2} s ({report.RowsPerSecond:N0}/s), baseline {report.Baseline.Seconds:F2} s ({report.Baseline.RowsPerSecond:N0}/s), ratio [bold]{report.Ratio:F2}[/]; storage floor {report.StorageFloor.Seconds:F2} s, ratio [bold]{report.FloorRatio:F2}[/]");
            }

            return 0;
        });
        return command;
    }

    private static Command Bulletin()
    {
        var format = new Option<string>("--format") { Description = "json or table", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "table");
        var cases = new Option<int>("--cases") { Description = "Cases in the province", DefaultValueFactory = _ => 100_000 };
        var contacts = new Option<int>("--contacts") { Description = "Contacts in the province", DefaultValueFactory = _ => 1_000_000 };
        var runs = new Option<int>("--runs") { Description = "Runs after the first (median reported)", DefaultValueFactory = _ => 5 };
        var command = new Command("bulletin", "每日通报基准 The province's daily bulletin over N cases and M contacts") { cases, contacts, runs, format };
        command.SetAction(async (result, ct) =>
        {
            if (result.GetValue(cases) < 20 || result.GetValue(contacts) < 2 || result.GetValue(runs) < 1)
            {
                throw new FormatException("--cases must be at least 20, --contacts at least 2 and --runs at least 1.");
            }

            var report = await BulletinBenchmark.RunAsync(
                GlobalOptions.Settings(result), result.GetValue(cases), result.GetValue(contacts), result.GetValue(runs), line => Console.Error.WriteLine(line), ct);
            if (result.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"bulletin on {report.Provider}: {report.Cases:N0} cases, {report.Contacts:N0} contacts; median [bold]{report.Seconds:F3} s[/] over {report.Runs} runs (first {report.FirstSeconds:F3} s); {report.NewConfirmed:N0} new confirmed, {report.CloseContacts:N0} close contacts to date; set-up {report.SetupSeconds:F1} s");
            }

            return 0;
        });
        return command;
    }

    private static Command PassVerify()
    {
        var format = new Option<string>("--format") { Description = "json or table", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "table");
        var passes = new Option<int>("--passes") { Description = "Signed passes to verify per run", DefaultValueFactory = _ => 20_000 };
        var runs = new Option<int>("--runs") { Description = "Runs; medians are reported", DefaultValueFactory = _ => 5 };
        var command = new Command("pass-verify", "通行证验证基准 Offline verifications of signed passes per second, against the bare signature check") { passes, runs, format };
        command.SetAction(result =>
        {
            if (result.GetValue(passes) < 100 || result.GetValue(runs) < 1)
            {
                throw new FormatException("--passes must be at least 100, --runs at least 1.");
            }

            var report = PassVerifyBenchmark.Run(result.GetValue(passes), result.GetValue(runs), line => Console.Error.WriteLine(line));
            if (result.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"pass-verify: {report.Passes:N0} passes, {report.Runs} run(s), {report.Processors} processor(s): verifier [bold]{report.VerificationsPerSecond:N0}/s[/], bare signature {report.BaselinePerSecond:N0}/s, ratio [bold]{report.Ratio:F3}[/]");
            }

            return 0;
        });
        return command;
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

    private static Command Allocation()
    {
        var format = new Option<string>("--format") { Description = "json or table", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "table");
        var people = new Option<int>("--people") { Description = "People waiting for central quarantine", DefaultValueFactory = _ => 20_000 };
        var rooms = new Option<int>("--rooms") { Description = "Quarantine rooms", DefaultValueFactory = _ => 25_000 };
        var sites = new Option<int>("--sites") { Description = "Quarantine sites", DefaultValueFactory = _ => 50 };
        var runs = new Option<int>("--runs") { Description = "Runs on the same data; the median is reported", DefaultValueFactory = _ => 3 };
        var command = new Command("allocation", "隔离房间分配基准 One allocation run: waiting people into the rooms of many sites, checked by an independent checker") { people, rooms, sites, runs, format };
        command.SetAction(async (result, ct) =>
        {
            if (result.GetValue(people) < 1 || result.GetValue(sites) < 1 || result.GetValue(rooms) < result.GetValue(sites) || result.GetValue(runs) < 1)
            {
                throw new FormatException("--people, --sites and --runs must be at least 1, --rooms at least --sites.");
            }

            var report = await AllocationBenchmark.RunAsync(
                GlobalOptions.Settings(result), result.GetValue(people), result.GetValue(rooms), result.GetValue(sites), result.GetValue(runs), line => Console.Error.WriteLine(line), ct);
            if (result.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"allocation on {report.Provider}: {report.People:N0} people, {report.Rooms:N0} rooms in {report.Sites} sites: [bold]{report.Seconds:F2} s[/] (median of {report.Runs}), {report.Placed:N0} placed, {report.RoomsUsed:N0} rooms used, [bold]{report.Violations}[/] violations, mean distance {report.MeanDistanceKm:F2} km; set-up {report.SetupSeconds:F1} s");
            }

            return report.Violations == 0 ? 0 : 1;
        });
        return command;
    }
}
