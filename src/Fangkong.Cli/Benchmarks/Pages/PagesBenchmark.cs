using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Fangkong.Cli.Benchmarks.Pages;

/// <summary>
/// <c>fangkong bench pages</c>: builds the demo city with N residents on the chosen database (or
/// reuses it when it has its residents already), serves it on 127.0.0.1 in this process, and drives
/// the most used pages with many signed-in users at once. Latencies are end to end, measured by
/// the clients; the server and the clients share the machine.
/// </summary>
internal static class PagesBenchmark
{
    public sealed record Latency(double P50, double P95, double P99, double Max);

    public sealed record PageReport(string Name, string Path, int Requests, int Errors, Latency Milliseconds);

    public sealed record Report(
        string Provider, long Residents, int Users, double Seconds, int Requests, int Errors, double RequestsPerSecond,
        Latency Milliseconds, IReadOnlyList<PageReport> Pages, double SetupSeconds, int Processors, string SignedInAs);

    /// <param name="SqlLog">Each request and its statements with their times, on stderr.</param>
    /// <param name="AsIs">The database as it stands: not migrated, built or analysed here.</param>
    public sealed record Switches(bool SqlLog, bool AsIs);

    public static async Task<Report> RunAsync(DatabaseSettings settings, int people, int users, int seconds, Switches switches, Action<string> log, CancellationToken ct)
    {
        var setup = Stopwatch.StartNew();
        var (residents, roundId) = switches.AsIs ? await AsItStandsAsync(settings, ct) : await BuildOrReuseAsync(settings, people, log, ct);
        log($"{residents:N0} residents, round {roundId}; set-up {setup.Elapsed.TotalSeconds:F0} s");

        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var app = await FangkongWebApp.CreateAsync(new FangkongWebOptions(settings)
        {
            Urls = address.ToString().TrimEnd('/'),

            // The report is the only thing on stdout (JSON for scripts); the server's warnings go to stderr.
            ConfigureBuilder = builder =>
            {
                builder.Logging.ClearProviders();
                builder.Logging.SetMinimumLevel(LogLevel.Warning);
                builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
                if (switches.SqlLog)
                {
                    // Each request's start and end, and every statement between them with its time.
                    builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Information);
                    builder.Logging.AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.Information);
                }
            },
        });
        await app.StartAsync(ct);
        try
        {
            var account = DemoUsers.Accounts.First(a => a.Role == Roles.CommandCentre);
            var clients = await PageLoad.SignInAsync(address, users, account.UserName, DemoUsers.Password, ct);
            var targets = PageTargets.For(roundId);
            log($"{users} users signed in as {account.UserName}; warming up {targets.Count} pages");
            await PageLoad.WarmAsync(clients, targets, ct);
            log($"measuring for {seconds} s");
            var samples = await PageLoad.RunAsync(clients, targets, TimeSpan.FromSeconds(seconds), ct);
            foreach (var client in clients)
            {
                client.Dispose();
            }

            var pages = targets.Select((t, i) =>
            {
                var mine = samples.Where(s => s.Target == i).ToList();
                return new PageReport(t.Name, t.Path, mine.Count, mine.Count(s => s.Failed), LatencyOf(mine));
            }).ToList();
            var errors = samples.Count(s => s.Failed);
            return new Report(
                settings.Provider.ToString(), residents, users, seconds, samples.Count, errors, samples.Count / (double)seconds,
                LatencyOf(samples), pages, setup.Elapsed.TotalSeconds, Environment.ProcessorCount, account.UserName);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
    }

    private static Latency LatencyOf(List<PageLoad.Sample> samples)
    {
        if (samples.Count == 0)
        {
            return new Latency(0, 0, 0, 0);
        }

        var sorted = samples.Select(s => s.Milliseconds).Order().ToList();
        return new Latency(Percentile(sorted, 0.50), Percentile(sorted, 0.95), Percentile(sorted, 0.99), sorted[^1]);
    }

    private static double Percentile(List<double> sorted, double p) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)], 1);

    /// <summary>The database as another process keeps it (<c>--as-is</c>): its residents and first round, nothing changed.</summary>
    private static async Task<(long Residents, long RoundId)> AsItStandsAsync(DatabaseSettings settings, CancellationToken ct)
    {
        await using var services = CliServices.Build(settings);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FangkongDbContext>();
        var residents = await db.Persons.LongCountAsync(ct);
        var round = await db.TestingRounds.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(ct);
        return (residents, round);
    }

    /// <summary>The demo city at the asked size, built once: a database with its residents is reused as it is.</summary>
    private static async Task<(long Residents, long RoundId)> BuildOrReuseAsync(DatabaseSettings settings, int people, Action<string> log, CancellationToken ct)
    {
        await EnsurePostgresDatabaseAsync(settings, ct);
        await using var services = CliServices.Build(settings);
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        await sp.GetRequiredService<Migrator>().MigrateAsync(null, ct);
        var db = sp.GetRequiredService<FangkongDbContext>();
        var existing = await db.Persons.LongCountAsync(ct);
        if (existing == 0)
        {
            log($"building the demo city with {people:N0} residents (once; later runs reuse it)");
        }
        else
        {
            log($"reusing the database: {existing:N0} residents");
        }

        var last = Stopwatch.StartNew();
        var progress = new ImmediateProgress<DemoSetup.Progress>(p =>
        {
            if (last.Elapsed.TotalSeconds >= 10 || p.Done == 0)
            {
                log($"  {p.Step}: {p.Done:N0}/{p.Total:N0}");
                last.Restart();
            }
        });
        await DemoSetup.RunAsync(
            db, sp.GetRequiredService<UserManager<FangkongUser>>(), sp.GetRequiredService<RoleManager<IdentityRole>>(), sp.GetRequiredService<TimeProvider>(),
            people, progress, ct);

        // Fresh statistics, as an operator runs after a bulk load.
        await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        var residents = await db.Persons.LongCountAsync(ct);
        var round = await db.TestingRounds.OrderBy(r => r.Id).Select(r => r.Id).FirstAsync(ct);
        return (residents, round);
    }

    private static async Task EnsurePostgresDatabaseAsync(DatabaseSettings settings, CancellationToken ct)
    {
        if (settings.Provider != DatabaseProvider.Postgres)
        {
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(settings.ConnectionString).Database ?? "postgres";
        var admin = new NpgsqlConnectionStringBuilder(settings.ConnectionString) { Database = "postgres", Pooling = false }.ToString();
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @n", connection);
        exists.Parameters.AddWithValue("n", name);
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
            await create.ExecuteNonQueryAsync(ct);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
