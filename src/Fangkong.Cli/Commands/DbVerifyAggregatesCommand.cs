using System.CommandLine;
using Fangkong.Testing.Tallies;
using Spectre.Console;
using Fangkong.Common;

namespace Fangkong.Cli.Commands;

/// <summary>
/// <c>fangkong db verify-aggregates [--round ID] [--rebuild]</c>: compares the rounds' maintained
/// figures (ADR 0029) with a recount of their swabs, results and exemptions; exit code 1 when they
/// differ. <c>--rebuild</c> replaces one round's figures with the recount.
/// </summary>
internal static class DbVerifyAggregatesCommand
{
    public static Command Create()
    {
        var round = new Option<long?>("--round") { Description = "Only this round (default: every round)" };
        var rebuild = new Option<bool>("--rebuild") { Description = "Replace the round's figures with the recount (needs --round)" };
        var command = new Command("verify-aggregates", "Compare the rounds' maintained figures with a recount of their swabs") { round, rebuild };
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (_, db) =>
        {
            var id = result.GetValue(round);
            if (result.GetValue(rebuild))
            {
                if (id is null)
                {
                    return CommandScope.Fail("--rebuild 需要 --round (--rebuild needs --round ID)");
                }

                await RoundTallyCheck.RebuildAsync(db, id.Value, ct);
                AnsiConsole.MarkupLineInterpolated($"Round {id}: figures rebuilt from a recount.");
            }

            var report = await RoundTallyCheck.VerifyAsync(db, id, ct);
            if (report.Consistent)
            {
                AnsiConsole.MarkupLineInterpolated($"[green]一致 consistent[/]: the maintained figures of {(id is null ? "every round" : $"round {id}")} equal a recount.");
                return 0;
            }

            foreach (var line in report.Examples)
            {
                Console.WriteLine(line);
            }

            return CommandScope.Fail(ErrorText.Of("cli.db.inconsistent", report.PeopleDiffering, report.TalliesDiffering));
        }, ct));
        return command;
    }
}
