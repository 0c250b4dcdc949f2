using System.CommandLine;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.Common;

namespace Fangkong.Cli.Benchmarks.Pages;

/// <summary>
/// <c>fangkong bench pages --people N --users U --seconds S [--sql-log]</c>: p50/p95/p99 per page under
/// many signed-in users, as JSON. <c>--users 1</c> measures each page alone, without queueing.
/// </summary>
internal static class PagesCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static Command Create()
    {
        var people = new Option<int?>("--people") { Description = "Residents of the demo city (default 10,000,000 on PostgreSQL, 1,000,000 on SQLite); used only when the database has none" };
        var users = new Option<int>("--users") { Description = "Concurrent signed-in users, each with its own cookie", DefaultValueFactory = _ => 32 };
        var seconds = new Option<int>("--seconds") { Description = "Measured time after a warm-up pass", DefaultValueFactory = _ => 60 };
        var sqlLog = new Option<bool>("--sql-log") { Description = "Also write each request and its SQL statements with their times to stderr (with --users 1: where one page's time goes)" };
        var asIs = new Option<bool>("--as-is") { Description = "Use the database as it stands: no migration, no demo build, no ANALYZE (a database another process keeps migrated)" };
        var command = new Command("pages", ErrorText.Of("cli.bench.pages")) { people, users, seconds, sqlLog, asIs };
        command.SetAction(async (result, ct) =>
        {
            var settings = GlobalOptions.Settings(result);
            var n = result.GetValue(people) ?? (settings.Provider == DatabaseProvider.Postgres ? 10_000_000 : 1_000_000);
            if (n < 1_000 || result.GetValue(users) < 1 || result.GetValue(seconds) < 1)
            {
                throw new FormatException("--people must be at least 1000, --users and --seconds at least 1.");
            }

            var report = await PagesBenchmark.RunAsync(settings, n, result.GetValue(users), result.GetValue(seconds), new PagesBenchmark.Switches(result.GetValue(sqlLog), result.GetValue(asIs)), line => Console.Error.WriteLine(line), ct);
            Console.WriteLine(JsonSerializer.Serialize(report, Json));
            return report.Errors == 0 ? 0 : 1;
        });
        return command;
    }
}
