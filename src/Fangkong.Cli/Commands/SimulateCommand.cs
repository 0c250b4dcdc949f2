using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Demo.Drills;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Fangkong.Cli.Commands;

/// <summary>
/// <c>simulate [--plan a.json | --compare a.json b.json] [--pool-size N ...] [--json]</c>: drills
/// (演练) of one or two plans, each on a temporary SQLite database, reported as a table (Chinese
/// first) or as JSON. Bad options and bad plan files exit with code 2 and name the field.
/// </summary>
internal static class SimulateCommand
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    public static Command Create()
    {
        var planFile = new Option<string?>("--plan") { Description = "A plan as JSON (DrillPlan's fields, camelCase); the options below change it" };
        var compare = new Option<string[]>("--compare") { Description = "Two plans as JSON, drilled side by side", Arity = new ArgumentArity(2, 2), AllowMultipleArgumentsPerToken = true };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON instead of a table" };
        var fields = new (string Name, string Description, Func<DrillPlan, int, DrillPlan> Set)[]
        {
            ("--people", "Residents of the synthetic city", (p, v) => p with { People = v }),
            ("--days", "Days simulated from 2022-03-01", (p, v) => p with { Days = v }),
            ("--seed", "The seed of every draw", (p, v) => p with { Seed = v }),
            ("--initial-infections", "Hidden infections on the first day", (p, v) => p with { InitialInfections = v }),
            ("--pool-size", "People per tube (1-20)", (p, v) => p with { PoolSize = v }),
            ("--lab-tubes", "Tubes the labs test a day", (p, v) => p with { LabTubesPerDay = v }),
            ("--sampling-points", "Sampling points (1,500 swabs a day each)", (p, v) => p with { SamplingPoints = v }),
            ("--rooms", "Central quarantine rooms", (p, v) => p with { QuarantineRooms = v }),
            ("--beds", "Shelter-hospital beds", (p, v) => p with { ShelterBeds = v }),
            ("--vehicles", "Transfer vehicles (10 seats, a trip every 2 h)", (p, v) => p with { TransferVehicles = v }),
            ("--days-to-control", "Days from a positive report to its contacts' control (0-7)", (p, v) => p with { DaysToControl = v }),
        };
        var options = fields.Select(f => (Option: new Option<int?>(f.Name) { Description = f.Description }, f.Set)).ToList();
        var simulate = new Command("simulate", "Drill (演练) a plan on the replay's engine and report its outcomes; --compare two plans") { planFile, compare, json };
        foreach (var (option, _) in options)
        {
            simulate.Options.Add(option);
        }

        simulate.SetAction(async (result, ct) =>
        {
            var plans = new List<DrillPlan>();
            try
            {
                if (result.GetValue(compare) is { Length: 2 } pair)
                {
                    plans.AddRange([Read(pair[0]), Read(pair[1])]);
                }
                else
                {
                    var plan = result.GetValue(planFile) is { } file ? Read(file) : new DrillPlan();
                    foreach (var (option, set) in options)
                    {
                        plan = result.GetValue(option) is { } value ? set(plan, value) : plan;
                    }

                    plans.Add(plan);
                }
            }
            catch (PlanFileException bad)
            {
                await Console.Error.WriteLineAsync(bad.Message);
                return 2;
            }

            if (plans.Select(p => p.Check()).FirstOrDefault(e => e is not null) is { } error)
            {
                await Console.Error.WriteLineAsync(ErrorText.Of("cli.simulate.bad-plan", error).ToString());
                return 2;
            }

            var reports = new List<DrillReport>();
            foreach (var plan in plans)
            {
                reports.Add(await RunAsync(plan, ct));
            }

            if (result.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(reports.Count == 1 ? (object)reports[0] : reports, Json));
            }
            else
            {
                AnsiConsole.Write(DrillTable.Of(reports));
            }

            return 0;
        });
        return simulate;
    }

    /// <summary>One drill on a temporary SQLite database, deleted afterwards.</summary>
    private static async Task<DrillReport> RunAsync(DrillPlan plan, CancellationToken ct)
    {
        var path = Path.Combine(Path.GetTempPath(), $"fangkong-drill-{Guid.NewGuid():N}.db");
        try
        {
            await using (var services = CliServices.Build(DatabaseSettings.Parse($"sqlite:{path}")))
            {
                await using var scope = services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync(null, ct);
                await Console.Error.WriteLineAsync($"演练 drill「{plan.Name}」: {plan.Days} days, {plan.People:N0} residents, seed {plan.Seed}");
                return await Drill.RunAsync(scope.ServiceProvider.GetRequiredService<FangkongDbContext>(), plan, null, ct);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    private static DrillPlan Read(string file)
    {
        try
        {
            return JsonSerializer.Deserialize<DrillPlan>(File.ReadAllText(file), Json)
                ?? throw new PlanFileException(ErrorText.Of("cli.simulate.plan-empty", file).ToString());
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw new PlanFileException(ErrorText.Of("cli.simulate.plan-unreadable", file, e.Message).ToString());
        }
    }

    private sealed class PlanFileException(string message) : Exception(message);
}
