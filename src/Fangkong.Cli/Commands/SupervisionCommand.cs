using System.CommandLine;
using System.Globalization;
using Fangkong.Cases.Bulletins;
using Fangkong.Supervision;
using Fangkong.Supervision.Detectors;
using Fangkong.Supervision.Findings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Fangkong.Common;

namespace Fangkong.Cli.Commands;

/// <summary>
/// <c>fangkong supervision ...</c>: run the detectors (<c>detect</c>), escalate overdue findings
/// (<c>escalate</c>), publish a daily bulletin (<c>publish-bulletin</c>) and list findings. The web
/// host runs detect and escalate on a schedule; these are for operators and cron.
/// </summary>
internal static class SupervisionCommand
{
    public static Command Create() => new("supervision", "督导检查与问题整改 Supervision: detectors, findings, bulletin publishing")
    {
        DetectCommand(), EscalateCommand(), PublishCommand(), FindingsCommand(),
    };

    private static Command DetectCommand()
    {
        var force = new Option<bool>("--force") { Description = "Run every detector now, whatever its schedule" };
        var only = new Option<string?>("--only") { Description = "One detector: " + string.Join(", ", DetectorCatalog.All.Select(d => d.Key)) };
        var set = new Option<string[]>("--set") { Description = "A setting, KEY:NAME=VALUE, e.g. positive-pool-control:Hours=2", AllowMultipleArgumentsPerToken = true };
        var command = new Command("detect", ErrorText.Of("cli.supervision.detect")) { force, only, set };
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (sp, db) =>
        {
            var overrides = new List<(string Key, string Name, string Value)>();
            foreach (var s in result.GetValue(set) ?? [])
            {
                var parts = s.Split([':', '='], 3);
                if (parts.Length != 3)
                {
                    return CommandScope.Fail($"--set「{s}」应为 KEY:NAME=VALUE (--set is KEY:NAME=VALUE).");
                }

                overrides.Add((parts[0], parts[1], parts[2]));
            }

            if (result.GetValue(only) is { } key && DetectorCatalog.All.All(d => d.Key != key))
            {
                return CommandScope.Fail(ErrorText.Of("cli.supervision.no-detector", key));
            }

            // A flag's value is checked as a configured one would be, then overrides it.
            var refused = overrides.Select(o => DetectorCatalog.All.FirstOrDefault(d => d.Key == o.Key) is { } d
                    ? DetectorSettingsCheck.Failure($"--set {o.Key}:{o.Name}", d, o.Name, o.Value)
                    : ErrorText.Of("cli.supervision.no-detector", o.Key).Render())
                .FirstOrDefault(f => f is not null);
            if (refused is not null)
            {
                return CommandScope.Fail(refused);
            }

            var configured = sp.GetRequiredService<IOptions<SupervisionOptions>>().Value;
            DetectorSettings Settings(string k) => overrides.Where(o => o.Key == k).Aggregate(configured.For(k), (acc, o) => acc.With(o.Name, o.Value));
            var report = await RunDetectors.HandleAsync(db, sp.GetRequiredService<TimeProvider>(), new RunDetectors.Command(DetectorCatalog.All, Settings, result.GetValue(force), result.GetValue(only)), ct);
            var table = new Table().AddColumns("detector", "ran", "detected", "raised", "duplicates", "unassigned", "error");
            foreach (var l in report.Lines)
            {
                table.AddRow(l.Key, l.Ran ? "yes" : "-", Num(l.Detected), Num(l.Raised), Num(l.Duplicates), Num(l.Unassigned.Count), Markup.Escape(l.Error ?? string.Empty));
            }

            AnsiConsole.Write(table);
            return report.Lines.Any(l => l.Error is not null) ? 1 : 0;
        }, ct));
        return command;
    }

    private static Command EscalateCommand()
    {
        var hours = new Option<int?>("--every-hours") { Description = "An overdue finding climbs one more level after each such interval (default: Supervision:EscalateEveryHours)" };
        var command = new Command("escalate", "逾期升级督办 Escalate overdue findings to the region above, with a notice") { hours };
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (sp, db) =>
        {
            var report = await EscalateOverdue.HandleAsync(db, sp.GetRequiredService<TimeProvider>(), result.GetValue(hours) is { } every ? TimeSpan.FromHours(Math.Max(1, every)) : sp.GetRequiredService<IOptions<SupervisionOptions>>().Value.EscalateEvery, ct);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[yellow]{report.Escalated:N0}[/] findings escalated");
            return 0;
        }, ct));
        return command;
    }

    private static Command PublishCommand()
    {
        var date = new Option<string>("--date") { Description = "The day, YYYY-MM-DD (a finished day)", Required = true };
        var region = new Option<string>("--region") { Description = "A province, city or county code", Required = true };
        var correction = new Option<string?>("--correction") { Description = "Why a day already published is published again (a new version)" };
        var command = new Command("publish-bulletin", ErrorText.Of("cli.supervision.publish-bulletin")) { date, region, correction };
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (sp, db) =>
        {
            if (!DateOnly.TryParseExact(result.GetValue(date), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return CommandScope.Fail($"--date「{result.GetValue(date)}」应为 YYYY-MM-DD (--date must be YYYY-MM-DD).");
            }

            var published = await PublishBulletin.HandleAsync(db, sp.GetRequiredService<TimeProvider>(), new PublishBulletin.Command(result.GetValue(region), day, result.GetValue(correction)), ct);
            if (!published.IsSuccess)
            {
                return CommandScope.Fail(published.Error!.Message);
            }

            var p = published.Value!;
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"published [green]{p.RegionCode} {p.Date:yyyy-MM-dd} v{p.Version}[/] (id {p.Id}, figures sha256 {p.FiguresSha256})");
            Console.WriteLine(p.Text);
            return 0;
        }, ct));
        return command;
    }

    private static Command FindingsCommand()
    {
        var overdue = new Option<bool>("--overdue") { Description = "Only open findings past their deadline" };
        var page = new Option<int>("--page") { DefaultValueFactory = _ => 1 };
        var command = new Command("findings", "问题清单 List findings, newest first") { overdue, page };
        command.SetAction((result, ct) => CommandScope.RunAsync(result, async (sp, db) =>
        {
            var listed = await ListFindings.HandleAsync(db, sp.GetRequiredService<TimeProvider>(), new ListFindings.Query(OverdueOnly: result.GetValue(overdue), Page: result.GetValue(page), PageSize: 50), ct);
            if (!listed.IsSuccess)
            {
                return CommandScope.Fail(listed.Error!.Message);
            }

            var table = new Table().AddColumns("id", "status", "severity", "unit", "deadline", "level", "title");
            foreach (var f in listed.Value!.Items)
            {
                table.AddRow(
                    Num(f.Id), FindingText.Zh(f.Status) + (f.Overdue ? " 逾期" : string.Empty), FindingText.Zh(f.Severity), Markup.Escape(f.ResponsibleUnit),
                    Common.ChinaTime.Format(f.Deadline), Num(f.EscalationLevel), Markup.Escape(f.Title));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"page {listed.Value.PageNumber}/{listed.Value.PageCount}, {listed.Value.TotalCount:N0} findings");
            return 0;
        }, ct));
        return command;
    }

    private static string Num(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
