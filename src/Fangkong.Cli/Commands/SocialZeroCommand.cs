using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Fangkong.Cases.Clusters;
using Fangkong.Common;
using Fangkong.SocialZero;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Fangkong.Cli.Commands;

/// <summary><c>fangkong social-zero series|population</c>: the social-level series of a county or city and its population.</summary>
internal static class SocialZeroCommand
{
    public static Command Create() => new("social-zero", "社会面清零 Social-level zero") { SeriesCommand(), PopulationCommand() };

    private static Command SeriesCommand()
    {
        var region = new Option<string>("--region") { Description = "City or county code", Required = true };
        var to = new Option<string>("--to") { Description = "Last day, YYYY-MM-DD (default: today in China)" };
        var days = new Option<int>("--days") { Description = "Days shown", DefaultValueFactory = _ => 14 };
        var n = new Option<int?>("--consecutive") { Description = "Consecutive days for the status (default: SocialZero:Days)" };
        var threshold = new Option<double?>("--threshold") { Description = "Basic zero: new social-level cases per 100,000 below this (default: SocialZero:ThresholdPer100k)" };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        var command = new Command("series", "社会面新增与清零状态 Daily social-level cases and status") { region, to, days, n, threshold, format };
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (sp, db) =>
        {
            var end = DetectClusters.ParseDate(result.GetValue(to), ChinaTime.Today(sp.GetRequiredService<TimeProvider>()));
            if (!end.IsSuccess)
            {
                return CommandScope.Fail(end.Error!.Message);
            }

            var series = await SocialZeroSeries.HandleAsync(
                db, result.GetValue(region), end.Value.AddDays(1 - Math.Max(1, result.GetValue(days))), end.Value,
                Configured(sp.GetRequiredService<SocialZeroSettings>(), result.GetValue(n), result.GetValue(threshold)), ct);
            if (!series.IsSuccess)
            {
                return CommandScope.Fail(series.Error!.Message);
            }

            var s = series.Value!;
            if (result.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(s, CasesCommand.Json));
                return 0;
            }

            var table = new Table().AddColumns("day", "social", "under control", "per 100k", "status");
            foreach (var d in s.Items)
            {
                table.AddRow(d.On.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), d.SocialLevel.ToString(CultureInfo.InvariantCulture),
                    d.UnderControl.ToString(CultureInfo.InvariantCulture), d.RatePer100k.ToString("0.###", CultureInfo.InvariantCulture), d.Status.ToString());
            }

            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{s.Name} {s.RegionCode}, population {s.Population:N0}{(s.PopulationFromRegister ? " (registered)" : string.Empty)}: [bold]{s.Current}[/]");
            AnsiConsole.Write(table);
            return 0;
        }, ct));
        return command;
    }

    private static Command PopulationCommand()
    {
        var region = new Argument<string>("region") { Description = "City or county code" };
        var population = new Argument<long>("population") { Description = "常住人口 from the statistics" };
        var command = new Command("population", "设置人口 Set the population the rate divides by") { region, population };
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (sp, db) =>
        {
            var set = await SetPopulation.HandleAsync(db, sp.GetRequiredService<TimeProvider>(), new SetPopulation.Command(result.GetValue(region), result.GetValue(population)), ct);
            if (!set.IsSuccess)
            {
                return CommandScope.Fail(set.Error!.Message);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{set.Value!.RegionCode} {set.Value.Population}"));
            return 0;
        }, ct));
        return command;
    }

    /// <summary>The configured settings (SocialZero section), with the flags given on top.</summary>
    private static SocialZeroSettings Configured(SocialZeroSettings configured, int? days, double? threshold) =>
        configured with { Days = days ?? configured.Days, ThresholdPer100k = threshold ?? configured.ThresholdPer100k };
}
