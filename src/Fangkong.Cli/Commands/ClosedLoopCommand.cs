using System.CommandLine;
using System.Globalization;
using Fangkong.Cases.Clusters;
using Fangkong.ClosedLoop;
using Fangkong.Common;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Fangkong.Cli.Commands;

/// <summary><c>fangkong closed-loop detect</c>: records the day's breaches of every closed loop.</summary>
internal static class ClosedLoopCommand
{
    public static Command Create() => new("closed-loop", "闭环管理 Closed loops") { DetectCommand() };

    private static Command DetectCommand()
    {
        var date = new Option<string>("--date") { Description = "The day, YYYY-MM-DD (default: today in China)" };
        var command = new Command("detect", ErrorText.Of("cli.closed-loop.detect")) { date };
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (sp, db) =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var day = DetectClusters.ParseDate(result.GetValue(date), ChinaTime.Today(time));
            if (!day.IsSuccess)
            {
                return CommandScope.Fail(day.Error!.Message);
            }

            var done = await DetectBreaches.HandleAsync(db, time, day.Value, null, ct);
            if (!done.IsSuccess)
            {
                return CommandScope.Fail(done.Error!.Message);
            }

            var r = done.Value!;
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"{day.Value:yyyy-MM-dd}: {r.Groups:N0} closed loops, {r.SharedQuarters:N0} shared quarters, {r.MissedTests:N0} missed swabs, [red]{r.New:N0} new breaches[/]");
            return 0;
        }, ct));
        return command;
    }
}
