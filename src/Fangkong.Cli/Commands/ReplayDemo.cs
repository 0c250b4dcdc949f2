using System.Globalization;
using Fangkong.Data;
using Fangkong.Demo.Replay;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Fangkong.Common;

namespace Fangkong.Cli.Commands;

/// <summary>
/// <c>demo --scenario jilin-city-2022</c>: replays Jilin City's outbreak day by day on the chosen
/// database, one progress bar per day, then prints each day's figures against its target.
/// </summary>
internal static class ReplayDemo
{
    /// <summary>Runs the scenario; the exit code is 2 for bad options (named), 1 when the population is too small.</summary>
    public static async Task<int> RunAsync(DatabaseSettings settings, string scenario, string? until, int? people, int seed, CancellationToken ct)
    {
        if (scenario != JilinCityReplay.Scenario)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{ErrorText.Of("cli.replay.unknown-scenario", scenario, JilinCityReplay.Scenario)}[/]");
            return 2;
        }

        var last = JilinCityCalibration.DefaultUntil;
        if (until is not null && !DateOnly.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out last))
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{ErrorText.Of("cli.replay.until-not-date", until)}[/]");
            return 2;
        }

        var size = people ?? (settings.Provider == DatabaseProvider.Postgres ? JilinCityReplay.FullPeople : JilinCityReplay.DefaultPeopleSqlite);
        var options = new JilinCityReplay.Options(JilinCityCalibration.FirstDay, last, size, seed);
        if (last < JilinCityCalibration.FirstDay || last > JilinCityCalibration.LastDay || size <= 0)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"[red]{(size <= 0 ? ErrorText.Of("cli.replay.people-not-positive") : ErrorText.Of("cli.replay.until-outside", JilinCityCalibration.FirstDay, JilinCityCalibration.LastDay))}[/]");
            return 2;
        }

        await using var services = CliServices.Build(settings);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<Migrator>().MigrateAsync(null, ct);
        AnsiConsole.MarkupLineInterpolated($"吉林市 2022 replay: {options.From:yyyy-MM-dd} → {options.Until:yyyy-MM-dd}, {size:N0} residents, seed {seed}");
        try
        {
            var report = await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(context =>
                {
                    var tasks = new Dictionary<DateOnly, ProgressTask>();
                    ProgressTask? population = null;
                    var progress = new ImmediateProgress<JilinCityReplay.Progress>(p =>
                    {
                        if (p.Day is not { } day)
                        {
                            population ??= context.AddTask("人口 residents of 吉林市", maxValue: Math.Max(1, p.Total));
                            population.Value = p.Done;
                            return;
                        }

                        if (!tasks.TryGetValue(day, out var task))
                        {
                            foreach (var done in tasks.Values)
                            {
                                done.Value = done.MaxValue;
                            }

                            task = context.AddTask($"{day:MM-dd}", maxValue: 1);
                            tasks[day] = task;
                        }

                        task.Description = $"{day:MM-dd} {p.Stage}";
                        task.MaxValue = Math.Max(1, p.Total);
                        task.Value = p.Done;
                    });
                    return JilinCityReplay.RunAsync(sp.GetRequiredService<FangkongDbContext>(), options, progress, ct);
                });
            Print(report);
            return 0;
        }
        catch (ReplayTooSmallException tooSmall)
        {
            AnsiConsole.MarkupLineInterpolated($"[red]{tooSmall.Message}[/]");
            return 1;
        }
    }

    private static void Print(JilinCityReplay.Report report)
    {
        AnsiConsole.MarkupLineInterpolated($"Residents: {report.People:N0} ({report.PeopleLoaded:N0} loaded now).");
        var table = new Table().AddColumns("日期 Day", "目标 Target", "确诊 Confirmed (转 conv.)", "无症状 Asymp.", "管控期间 Under control", "采样 Swabs", "阳性混管 Positive pools", "密接 Close contacts", "安置 Placed (等待 waiting)", "空余房间/床位 Free rooms/beds");
        foreach (var day in report.Days)
        {
            var t = day.Target;
            table.AddRow(
                $"{day.Date:yyyy-MM-dd}{(t.Published ? " *" : string.Empty)}",
                $"{t.Confirmed} + {t.Asymptomatic}",
                day.Skipped ? "已有 done before" : $"{day.Reporting!.Confirmed} ({day.Reporting.Conversions})",
                day.Reporting?.Asymptomatic.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                day.Skipped ? string.Empty : day.UnderControl.ToString(CultureInfo.InvariantCulture),
                day.Testing?.Swabbed.ToString("N0", CultureInfo.InvariantCulture) ?? string.Empty,
                day.Testing?.PositivePools.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                day.Reporting?.CloseContacts.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
                day.Quarantine is { } q ? $"{q.Placed} ({q.Unplaced})" : string.Empty,
                day.Quarantine is { } f ? $"{f.FreeRooms} / {f.FreeBeds}" : string.Empty);
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"{ErrorText.Of("cli.replay.waiting-note")}");
        AnsiConsole.MarkupLineInterpolated($"{ErrorText.Of("cli.replay.footnote")}");
    }
}
