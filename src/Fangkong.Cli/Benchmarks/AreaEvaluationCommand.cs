using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Fangkong.Common;

namespace Fangkong.Cli.Benchmarks;

/// <summary><c>fangkong bench area-evaluation --compounds N --residents R --runs K --format json|table</c>.</summary>
internal static class AreaEvaluationCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static Command Create()
    {
        var compounds = new Option<int>("--compounds") { Description = "Compounds in the province", DefaultValueFactory = _ => 20_000 };
        var residents = new Option<int>("--residents") { Description = "Residents per compound", DefaultValueFactory = _ => 20 };
        var runs = new Option<int>("--runs") { Description = "Runs (median reported)", DefaultValueFactory = _ => 3 };
        var format = new Option<string>("--format") { Description = "json or table", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("json", "table");
        var command = new Command("area-evaluation", ErrorText.Of("cli.bench.area-evaluation")) { compounds, residents, runs, format };
        command.SetAction(async (result, ct) =>
        {
            if (result.GetValue(compounds) < 40 || result.GetValue(residents) < 1 || result.GetValue(runs) < 1)
            {
                throw new FormatException("--compounds must be at least 40, --residents and --runs at least 1.");
            }

            var report = await AreaEvaluationBenchmark.RunAsync(
                GlobalOptions.Settings(result), result.GetValue(compounds), result.GetValue(residents), result.GetValue(runs), line => Console.Error.WriteLine(line), ct);
            if (result.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(report, Json));
            }
            else
            {
                AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                    $"area-evaluation on {report.Provider}: {report.Compounds:N0} compounds, {report.Residents:N0} residents, {report.Cases:N0} cases, {report.Contacts:N0} contacts, {report.Samples:N0} samples; median [bold]{report.Seconds:F2} s[/] over {report.Runs} run(s), {report.Proposals:N0} proposals; set-up {report.SetupSeconds:F1} s");
            }

            return 0;
        });
        return command;
    }
}
