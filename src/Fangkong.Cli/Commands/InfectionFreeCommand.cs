using System.CommandLine;
using System.Globalization;
using Fangkong.Areas;
using Fangkong.Cases.Clusters;
using Fangkong.Common;
using Fangkong.InfectionFree;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Fangkong.Cli.Commands;

/// <summary><c>fangkong infection-free recheck</c>: the daily re-check of infection-free labels.</summary>
internal static class InfectionFreeCommand
{
    public static Command Create() => new("infection-free", "无疫小区（村） Infection-free compounds and villages") { RecheckCommand() };

    private static Command RecheckCommand()
    {
        var date = new Option<string>("--date") { Description = "The day to check, YYYY-MM-DD (default: today in China)" };
        var clean = new Option<int?>("--clean-days") { Description = "Days without infection and since the last contact's exposure (default: Areas:Criteria:CleanDays)" };
        var window = new Option<int?>("--round-window-days") { Description = "A full clean round within this many days (default: Areas:Criteria:RoundWindowDays)" };
        var command = new Command("recheck", ErrorText.Of("cli.infection-free.recheck")) { date, clean, window };
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (sp, db) =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var day = DetectClusters.ParseDate(result.GetValue(date), ChinaTime.Today(time));
            if (!day.IsSuccess)
            {
                return CommandScope.Fail(day.Error!.Message);
            }

            var done = await RecheckLabels.HandleAsync(db, time, day.Value, Configured(sp.GetRequiredService<AreaCriteriaSettings>(), result.GetValue(clean), result.GetValue(window)), ct);
            if (!done.IsSuccess)
            {
                return CommandScope.Fail(done.Error!.Message);
            }

            var r = done.Value!;
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{r.Day:yyyy-MM-dd}: {r.Checked:N0} labels checked, [red]{r.Removed:N0} removed[/]");
            foreach (var notice in r.Notices)
            {
                AnsiConsole.WriteLine(notice);
            }

            return 0;
        }, ct));
        return command;
    }

    /// <summary>The configured criteria (Areas:Criteria section), with the flags given on top.</summary>
    private static AreaCriteriaSettings Configured(AreaCriteriaSettings configured, int? cleanDays, int? roundWindowDays) =>
        configured with { CleanDays = cleanDays ?? configured.CleanDays, RoundWindowDays = roundWindowDays ?? configured.RoundWindowDays };
}
