using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fangkong.Data;
using Fangkong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Fangkong.Common;

namespace Fangkong.Cli.Commands;

/// <summary>
/// <c>fangkong testing ...</c>: rounds, bulk samples and results, positives and coverage, for
/// scripts (JSON on stdout) and for people (tables).
/// </summary>
internal static class TestingCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Command Create() => new("testing", "核酸检测 Mass testing in pooled tubes")
    {
        new Command("round", "检测轮次 Testing rounds") { CreateRoundCommand() },
        ImportSamplesCommand(),
        ImportResultsCommand(),
        PositivesCommand(),
        CoverageCommand(),
        ExemptCommand(),
    };

    private static Option<long> RoundOption() => new("--round") { Description = "The round's id", Required = true };

    private static Option<string> FormatOption() => new("--format") { Description = "json or table", DefaultValueFactory = _ => "table" };

    private static Command CreateRoundCommand()
    {
        var region = new Option<string>("--region") { Description = "The area, e.g. 220204", Required = true };
        var name = new Option<string>("--name") { Description = "The round's name, e.g. 船营区第一轮", Required = true };
        var poolSize = new Option<int>("--pool-size") { Description = "1, 5, 10 or 20", DefaultValueFactory = _ => 10 };
        var hours = new Option<double>("--hours") { Description = "Hours to the deadline", DefaultValueFactory = _ => 24 };
        var create = new Command("create", "Start a round; prints its id") { region, name, poolSize, hours };
        create.SetAction((result, ct) => CommandScope.RunAsync(result, async (sp, db) =>
        {
            var created = await CreateRound.HandleAsync(db, sp.GetRequiredService<TimeProvider>(), new CreateRound.Command(
                result.GetValue(name)!, result.GetValue(region)!, result.GetValue(poolSize), null, TimeSpan.FromHours(result.GetValue(hours))), ct);
            if (!created.IsSuccess)
            {
                return CommandScope.Fail(created.Error!.Message);
            }

            var r = created.Value!;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"round {r.Id} {r.Name} over {r.RegionCode}: {r.ShouldTest:N0} residents, deadline {r.Deadline:u}; advice: {r.Advice.Best.PoolSize}-in-1, about {r.Advice.Best.ExpectedTests:N0} tests at positivity {r.Advice.Positivity:P2}"));
            Console.WriteLine(r.Id.ToString(CultureInfo.InvariantCulture));
            return 0;
        }, ct));
        return create;
    }

    private static Command ImportSamplesCommand()
    {
        var file = new Argument<string>("file") { Description = "CSV: tube_barcode,id_number,sampled_at,sampling_point[,pool_size]" };
        var round = RoundOption();
        var encoding = EncodingOption.Create();
        var command = new Command("import-samples", ErrorText.Of("cli.testing.import-samples")) { file, round, encoding };
        command.SetAction((result, ct) => EncodingOption.ImportAsync(result, encoding, result.GetValue(file)!, csv => CommandScope.RunAsync(result, async (_, db) =>
        {
            // The file is read and checked for form first; the bar then follows the rows written, a chunk at a time.
            var report = await ProgressBar.RunAsync("记录采样 recording swabs", bar => ImportSamples.HandleAsync(
                db,
                result.GetValue(round),
                csv,
                new ImmediateProgress<ImportSamples.Progress>(p => bar(p.Done, p.Total, string.Create(CultureInfo.InvariantCulture, $"记录采样 recording swabs {p.Done:N0} / {p.Total:N0}"))),
                ct));
            if (!report.IsSuccess)
            {
                return CommandScope.Fail(report.Error!.Message);
            }

            var r = report.Value!;
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{r.Rows:N0} rows: [green]{r.Recorded:N0} recorded[/], {r.AlreadyRecorded:N0} already recorded, {r.Refused.Count:N0} refused");
            foreach (var refusal in r.Refused)
            {
                Console.WriteLine(ErrorText.Of("cli.testing.at-line", refusal.Line, ErrorText.Plain(refusal.Reason)).Render());
            }

            return r.Refused.Count == 0 ? 0 : 2;
        }, ct), ct));
        return command;
    }

    private static Command ImportResultsCommand()
    {
        var file = new Argument<string>("file") { Description = "CSV: tube_barcode,result,ct_n,ct_orf,reported_at,lab" };
        var encoding = EncodingOption.Create();
        var command = new Command("import-results", ErrorText.Of("cli.testing.import-results")) { file, encoding };
        command.SetAction((result, ct) => EncodingOption.ImportAsync(result, encoding, result.GetValue(file)!, csv => CommandScope.RunAsync(result, async (sp, db) =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            var recorded = await ImportResults.HandleAsync(db, time, csv, ct);
            if (!recorded.IsSuccess)
            {
                return CommandScope.Fail(recorded.Error!.Message);
            }

            var traced = recorded.Value!.Tracing;
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture,
                $"[green]{recorded.Value.Results:N0} results recorded[/], {recorded.Value.Unchanged:N0} unchanged; {traced.PeopleControlled:N0} people put under control, {traced.TasksCreated:N0} re-sampling tasks, {traced.ControlsLifted:N0} controls lifted, {traced.PositivePeople:N0} positive on re-test");
            if (recorded.Value.TracingDeferred)
            {
                // The results stand (ADR 0034); the running web host's sweep traces the tubes.
                AnsiConsole.MarkupLineInterpolated($"[yellow]{ErrorText.Of("cli.testing.tracing-failed")}[/]");
            }

            return 0;
        }, ct), ct));
        return command;
    }

    private static Command PositivesCommand()
    {
        var round = RoundOption();
        var format = FormatOption();
        var command = new Command("positives", "混管阳性 Members of positive tubes with their status") { round, format };
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (_, db) =>
        {
            var pools = new List<ListPositivePools.Pool>();
            for (var page = 1; ; page++)
            {
                var found = await ListPositivePools.HandleAsync(db, result.GetValue(round), page, 200, ct);
                if (!found.IsSuccess)
                {
                    return CommandScope.Fail(found.Error!.Message);
                }

                pools.AddRange(found.Value!.Items);
                if (page >= found.Value.PageCount)
                {
                    break;
                }
            }

            if (result.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(pools, Json));
                return 0;
            }

            var table = new Table().AddColumns("试管 Tube", "成员 Member", "区划 Region", "管控 Control", "复检 Re-test", "秒 s to control");
            foreach (var pool in pools)
            {
                foreach (var m in pool.Members)
                {
                    table.AddRow(pool.Barcode, m.Name, m.RegionCode ?? string.Empty, m.Control, m.Retest, pool.SecondsToControl?.ToString("F2", CultureInfo.InvariantCulture) ?? string.Empty);
                }
            }

            AnsiConsole.Write(table);
            return 0;
        }, ct));
        return command;
    }

    private static Command CoverageCommand()
    {
        var round = RoundOption();
        var region = new Option<string?>("--region") { Description = "The region to report (default: the round's area)" };
        var format = FormatOption();
        var command = new Command("coverage", "覆盖情况 Should test, sampled, resulted, positive, not sampled") { round, region, format };
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (sp, db) =>
        {
            var view = await RoundCoverage.HandleAsync(db, sp.GetRequiredService<TimeProvider>(), result.GetValue(round), result.GetValue(region), ct);
            if (!view.IsSuccess)
            {
                return CommandScope.Fail(view.Error!.Message);
            }

            var v = view.Value!;
            if (result.GetValue(format) == "json")
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    round = v.RoundId,
                    region = v.Total.Code,
                    v.Total.ShouldTest,
                    v.Total.Sampled,
                    v.Total.Resulted,
                    v.Total.Positive,
                    v.Total.NotSampled,
                    v.Total.Exempted,
                    v.PastDeadline,
                    children = v.Children.Select(c => new { c.Code, c.Name, c.ShouldTest, c.Sampled, c.Resulted, c.Positive, c.NotSampled, c.Exempted }),
                }, Json));
                return 0;
            }

            var table = new Table().AddColumns("区划 Region", "应检 Should test", "已采 Sampled", "已出结果 Resulted", "阳性 Positive", "未采 Not sampled");
            foreach (var line in v.Children.Prepend(v.Total))
            {
                table.AddRow($"{line.Code} {line.Name}", $"{line.ShouldTest:N0}", $"{line.Sampled:N0}", $"{line.Resulted:N0}", $"{line.Positive:N0}", $"{line.NotSampled:N0}");
            }

            AnsiConsole.Write(table);
            return 0;
        }, ct));
        return command;
    }

    private static Command ExemptCommand()
    {
        var round = RoundOption();
        var file = new Option<string>("--file") { Description = "CSV: id_number,reason,note (reason: quarantine, hospital or other)", Required = true };
        var encoding = EncodingOption.Create();
        var command = new Command("exempt", ErrorText.Of("cli.testing.exempt")) { round, file, encoding };
        command.SetAction((result, ct) => EncodingOption.ImportAsync(result, encoding, result.GetValue(file)!, csv => CommandScope.RunAsync(result, async (sp, db) =>
        {
            var report = await ImportExemptions.HandleAsync(db, sp.GetRequiredService<TimeProvider>(), result.GetValue(round), csv, ct);
            if (!report.IsSuccess)
            {
                return CommandScope.Fail(report.Error!.Message);
            }

            var r = report.Value!;
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"{r.Rows:N0} rows: [green]{r.Exempted:N0} exempted[/], {r.AlreadyExempted:N0} already exempted, {r.Refused.Count:N0} refused");
            foreach (var refusal in r.Refused)
            {
                Console.WriteLine(ErrorText.Of("cli.testing.at-line", refusal.Line, ErrorText.Plain(refusal.Reason)).Render());
            }

            return r.Refused.Count == 0 ? 0 : 2;
        }, ct), ct));
        return command;
    }
}
