using System.CommandLine;
using System.Text.Json;

namespace Fangkong.Cli.Benchmarks;

/// <summary><c>fangkong bench scan-peak</c>: see <see cref="ScanPeakBenchmark"/>; prints its report as JSON.</summary>
internal static class ScanPeakCommand
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public static Command Create()
    {
        var clients = new Option<int>("--clients") { Description = "Sampling points posting at once", DefaultValueFactory = _ => 500 };
        var batch = new Option<int>("--batch") { Description = "Swabs per request", DefaultValueFactory = _ => 10 };
        var seconds = new Option<int>("--seconds") { Description = "Length of the load", DefaultValueFactory = _ => 60 };
        var people = new Option<int>("--people") { Description = "Residents in the round", DefaultValueFactory = _ => 200_000 };
        var runs = new Option<int>("--runs") { Description = "Runs, each on a fresh database; medians are reported", DefaultValueFactory = _ => 3 };
        var pool = new Option<int>("--pool") { Description = "The server's PostgreSQL connection pool", DefaultValueFactory = _ => 32 };
        var pgDir = new Option<string>("--pg-dir") { Description = "The benchmark's own PostgreSQL cluster", DefaultValueFactory = _ => "/work/pgdata-scan" };
        var pgPort = new Option<int>("--pg-port") { Description = "Its port (never the shared test server's)", DefaultValueFactory = _ => 55450 };
        var httpPort = new Option<int>("--http-port") { Description = "The server's port on 127.0.0.1", DefaultValueFactory = _ => 5450 };
        var noCrash = new Option<bool>("--no-crash") { Description = "Leave out the server kill and the PostgreSQL restart" };
        var rate = new Option<double>("--rate") { Description = "Open loop: offered scans per second, spread over the clients, each sending its tube on a schedule", DefaultValueFactory = _ => 2000 };
        var serverCli = new Option<string?>("--server-cli") { Description = "Serve with another build's Fangkong.Cli.dll (before/after comparisons)" };
        var max = new Option<bool>("--max") { Description = "Closed loop instead: every client sends as fast as answered (the ceiling)" };
        var command = new Command("scan-peak", "采样高峰基准 Sampling points post scan batches through the API while the server and PostgreSQL crash")
        {
            clients, batch, seconds, people, runs, pool, pgDir, pgPort, httpPort, noCrash, rate, max, serverCli,
        };
        command.SetAction(async (result, ct) =>
        {
            var options = new ScanPeakBenchmark.Options(
                result.GetValue(clients), result.GetValue(batch), 10, result.GetValue(seconds), result.GetValue(people), result.GetValue(runs),
                result.GetValue(pool), Path.GetFullPath(result.GetValue(pgDir)!), result.GetValue(pgPort), result.GetValue(httpPort), !result.GetValue(noCrash),
                result.GetValue(max) ? null : result.GetValue(rate),
                result.GetValue(serverCli) is { } cli ? Path.GetFullPath(cli) : null);
            if (options.ServerCli is { } built && !File.Exists(built))
            {
                throw new FormatException($"--server-cli {built}: no such file.");
            }

            if (options.Rate is <= 0)
            {
                throw new FormatException("--rate must be a positive number of scans per second.");
            }

            if (options.Clients < 1 || options.Batch is < 1 or > 1000 || options.Seconds < 6 || options.People < 10 || options.Runs < 1 || options.Pool < 1)
            {
                throw new FormatException("--clients, --runs and --pool must be at least 1, --batch 1 to 1000, --seconds at least 6, --people at least 10.");
            }

            if (options.PgPort == 55432)
            {
                throw new FormatException("--pg-port 55432 is the shared test server's; the benchmark restarts its server, so it needs one of its own.");
            }

            var report = await ScanPeakBenchmark.RunAsync(options, line => Console.Error.WriteLine(line), ct);
            Console.WriteLine(JsonSerializer.Serialize(report, Json));
            return report.Lost == 0 && report.Duplicated == 0 ? 0 : 1;
        });
        return command;
    }
}
