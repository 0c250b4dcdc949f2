using System.CommandLine;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Fangkong.Common;

namespace Fangkong.Cli.Commands;

/// <summary>
/// <c>fangkong demo</c>, the main job: builds the demo city on the chosen database (by default
/// the embedded SQLite file), prints the demo accounts and serves the web UI.
/// </summary>
internal static class DemoCommand
{
    public static Command Create()
    {
        var people = new Option<int?>("--people")
        {
            Description = $"Residents to generate (only when there are none yet): {DemoSetup.DefaultPeople:N0} for 船营区; for a scenario, 100,000 on SQLite and the whole city on PostgreSQL",
        };
        var scenario = new Option<string?>("--scenario") { Description = "Replay a scenario day by day instead: jilin-city-2022 (docs/replay.md)" };
        var until = new Option<string?>("--until") { Description = "Scenario: the last day to replay, yyyy-MM-dd (default 2022-04-15)" };
        var seed = new Option<int>("--seed") { Description = "Scenario: the seed of its choices", DefaultValueFactory = _ => Demo.Replay.JilinCityReplay.DefaultSeed };
        var noServe = new Option<bool>("--no-serve") { Description = "Build the demo and exit instead of serving it" };
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on", DefaultValueFactory = _ => ServeCommand.DefaultUrls };
        var demo = new Command("demo", "Build the demo city (Jilin's regions, 船营区's people, places, users) and serve it") { people, noServe, urls, scenario, until, seed };
        demo.SetAction(async (result, ct) =>
        {
            var settings = GlobalOptions.Settings(result);
            if (result.GetValue(scenario) is { } name)
            {
                return await ReplayDemo.RunAsync(settings, name, result.GetValue(until), result.GetValue(people), result.GetValue(seed), ct);
            }

            AnsiConsole.MarkupLineInterpolated($"Fangkong demo on [green]{settings.Describe()}[/]");
            var report = await BuildAsync(settings, result.GetValue(people) ?? DemoSetup.DefaultPeople, ct);
            Print(report);
            if (result.GetValue(noServe))
            {
                return 0;
            }

            var address = result.GetValue(urls)!;
            var app = await FangkongWebApp.CreateAsync(new FangkongWebOptions(settings) { Urls = address });
            await app.StartAsync(ct);
            AnsiConsole.MarkupLineInterpolated($"Open [link]{address}[/] and sign in with one of the accounts above (password [bold]{DemoUsers.Password}[/]). Ctrl+C stops.");
            await app.WaitForShutdownAsync(ct);
            return 0;
        });
        return demo;
    }

    private static async Task<DemoSetup.Report> BuildAsync(DatabaseSettings settings, int people, CancellationToken ct)
    {
        await using var services = CliServices.Build(settings);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<Migrator>().MigrateAsync(null, ct);
        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async context =>
            {
                var tasks = new Dictionary<DemoSetup.Step, ProgressTask>();
                var progress = new ImmediateProgress<DemoSetup.Progress>(p =>
                {
                    // Earlier steps are complete once a later one starts.
                    foreach (var done in tasks.Where(t => t.Key < p.Step))
                    {
                        done.Value.Value = done.Value.MaxValue;
                    }

                    if (!tasks.TryGetValue(p.Step, out var task))
                    {
                        task = context.AddTask(StepTitle(p.Step), maxValue: Math.Max(1, p.Total));
                        tasks[p.Step] = task;
                    }

                    // A step learns its size as it goes (the testing step counts its scans first).
                    task.MaxValue = Math.Max(1, p.Total);
                    task.Value = p.Done;
                });
                var report = await DemoSetup.RunAsync(
                    sp.GetRequiredService<FangkongDbContext>(),
                    sp.GetRequiredService<UserManager<FangkongUser>>(),
                    sp.GetRequiredService<RoleManager<IdentityRole>>(),
                    sp.GetRequiredService<TimeProvider>(),
                    people,
                    progress,
                    ct);
                foreach (var task in tasks.Values)
                {
                    task.Value = task.MaxValue;
                }

                return report;
            });
    }

    private static string StepTitle(DemoSetup.Step step) => step switch
    {
        DemoSetup.Step.Regions => "区划 regions of Jilin",
        DemoSetup.Step.People => "人口 residents of 船营区",
        DemoSetup.Step.Places => "场所 places and units",
        DemoSetup.Step.Testing => "核酸 a round of mass testing",
        DemoSetup.Step.Cases => "病例 cases, contacts and clusters",
        DemoSetup.Step.Transfers => "转运 transfers, releases and home monitoring",
        DemoSetup.Step.Areas => "风险区域 area designations",
        DemoSetup.Step.ZeroLoop => "闭环、无疫小区、通行证 closed loops, infection-free compounds, passes",
        DemoSetup.Step.Supervision => "督导问责 inspections, findings, detectors and accountability",
        _ => "用户 demo users",
    };

    private static void Print(DemoSetup.Report report)
    {
        AnsiConsole.MarkupLineInterpolated($"Regions added: {report.RegionsAdded:N0}; residents loaded: {report.PeopleLoaded:N0} (there were {report.PeopleBefore:N0}); places and units added: {report.PlacesAdded:N0}.");
        var table = new Table().AddColumns("用户名 User", "角色 Role", "辖区 Jurisdiction", "");
        foreach (var (account, created) in report.Users)
        {
            var role = Roles.Find(account.Role)!;
            table.AddRow(account.UserName, $"{role.TitleZh} {role.TitleEn}", account.RegionCode, created ? "new" : string.Empty);
        }

        if (report.Testing is { } t)
        {
            AnsiConsole.MarkupLineInterpolated($"Testing round {t.RoundId}: {t.Sampled:N0} people swabbed into {t.Tubes:N0} tubes, {t.PositivePools} positive pools, {t.PeopleControlled} people put under control.");
        }

        if (report.Cases is { } c)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"病例 {c.FirstDay:yyyy-MM-dd}–{c.LastDay:yyyy-MM-dd}：确诊 {c.Confirmed} 例（含 {c.Conversions} 例无症状转确诊），无症状 {c.Asymptomatic} 例，其中 {c.FromTesting} 例由核酸检测阳性报告；出院 {c.Discharged}，解除医学观察 {c.Released}；密接 {c.CloseContacts}，次密接 {c.SecondaryContacts}；聚集性疫情 {c.Clusters} 起。");
            AnsiConsole.MarkupLineInterpolated(
                $"Cases {c.FirstDay:yyyy-MM-dd} to {c.LastDay:yyyy-MM-dd}: {c.Confirmed} confirmed ({c.Conversions} converted), {c.Asymptomatic} asymptomatic, {c.FromTesting} of them reported from testing; {c.Discharged} discharged, {c.Released} released; {c.CloseContacts} close and {c.SecondaryContacts} secondary contacts; clusters: {c.Clusters}.");
        }

        if (report.Quarantine is { } q)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"{ErrorText.Of("cli.demo.quarantine", q.Sites, q.Rooms, q.Beds, q.Dependants, q.Placed, q.CheckedIn, q.Unplaced, ErrorText.Plain(q.Summary))}");
        }

        if (report.Transfers is { } tr)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"转运 Transfers: {tr.Vehicles} vehicles, {tr.Placed} contacts placed, {tr.CheckedIn} checked in, {tr.Waiting} waiting (日清日结); a case released into home monitoring: {(tr.CaseReleased ? "yes" : "no")}.");
        }

        if (report.Areas is { } a)
        {
            AnsiConsole.MarkupLineInterpolated($"{ErrorText.Of("cli.demo.areas", a.Designations, a.Controlled, a.Approved, a.Pending)}");
        }

        if (report.ZeroLoop is { } z)
        {
            PrintZeroLoop(z);
        }

        if (report.Supervision is { } s)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"督导：暗访检查 {s.InspectionId}（康乐养老院），问题 {s.Findings} 个，已验收销号 {s.Verified} 个，逾期升级督办 {s.Escalated} 个，系统预警 {s.DetectorFindings} 个。 Supervision: {s.Findings} findings, {s.Verified} verified, {s.Escalated} escalated, {s.DetectorFindings} from detectors.");
        }

        AnsiConsole.Write(table);
        AnsiConsole.MarkupLineInterpolated($"Password of every demo account: [bold]{DemoUsers.Password}[/]");
    }

    private static void PrintZeroLoop(DemoSetup.ZeroLoopReport z)
    {
        if (z.ClosedLoop is { } l)
        {
            AnsiConsole.MarkupLineInterpolated($"闭环 Closed loop {l.GroupId} (福源馆): {l.Members} members, {l.Missed} missed swab on {l.Day:yyyy-MM-dd}, {l.Breaches} breaches recorded (/closed-loops).");
        }

        if (z.InfectionFree is { } f)
        {
            AnsiConsole.MarkupLineInterpolated($"{ErrorText.Of("cli.demo.infection-free", f.Registered, f.Removed, ErrorText.Plain(f.RemovedCompound ?? string.Empty))}");
        }

        if (z.SocialZero is { } s)
        {
            AnsiConsole.MarkupLineInterpolated($"社会面清零 Social zero: {s.UnderControl} positives found in quarantine today (/social-zero).");
        }

        if (z.Passes is { } p)
        {
            AnsiConsole.MarkupLineInterpolated($"通行证 Passes: {p.Applied} applied, {p.Approved} approved; checkpoint scans {p.Scans}: {p.Allowed} allowed, {p.Refused} refused (/checkpoints/log).");
        }
    }
}
