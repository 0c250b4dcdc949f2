using System.Diagnostics;
using Fangkong.Data;
using Npgsql;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// <c>bench scan-peak</c> (issue 12 item 3): the sampling peak through the HTTP API, across
/// crashes. Its own PostgreSQL cluster, the web server as a separate process, many sampling
/// points posting scan batches for a fixed time; a third of the way in the server is killed
/// (SIGKILL) and started again, two thirds of the way in PostgreSQL crashes and recovers
/// (<c>pg_ctl restart -m immediate</c>). At the end the database is counted against what the
/// clients were told: lost and duplicated scans must both be 0.
/// </summary>
internal static class ScanPeakBenchmark
{
    /// <param name="Rate">The open loop's offered scans per second; null for the closed loop (<c>--max</c>).</param>
    public sealed record Options(int Clients, int Batch, int PoolSize, int Seconds, int People, int Runs, int Pool, string PgDirectory, int PgPort, int HttpPort, bool Crashes, double? Rate, string? ServerCli = null);

    /// <param name="ScansPerSecond">Swabs recorded over the time until the last answer (<see cref="ScanPeakRate"/>), outages included.</param>
    /// <param name="OfferedScansPerSecond">The open loop's offered rate; null in the closed loop.</param>
    /// <param name="AnsweredSeconds">From the load's start to its last answer: the offered time plus the queue's drain.</param>
    /// <param name="SteadyP99Ms">The p99 of batches sent (scheduled) outside the outages: from the kill, or the PostgreSQL restart, until <see cref="Settle"/> after recovery.</param>
    public sealed record Run(
        int Number, double ScansPerSecond, double? OfferedScansPerSecond, double AnsweredSeconds, double SustainedScansPerSecond, double P50Ms, double P99Ms, double SteadyP99Ms, double MaxMs, int Requests,
        IReadOnlyDictionary<string, int> Errors, long Acknowledged, long Recorded, long AlreadyRecorded, long Refused,
        long Stored, long Lost, long Duplicated, long StoredNotAcknowledged, long TubesMiscounted,
        double ServerDownSeconds, double PostgresDownSeconds, double Seconds);

    /// <param name="Mode">"open" (an offered <see cref="OfferedScansPerSecond"/>, latency from the scheduled send) or "closed" (as fast as answered).</param>
    public sealed record Report(
        string Name, string Provider, string Mode, double? OfferedScansPerSecond, int Clients, int Batch, int Seconds, int People, int ConnectionPool, bool Crashes, int Processors,
        string LoadAverageBefore, string LoadAverageAfter,
        double ScansPerSecond, double SustainedScansPerSecond, double P50Ms, double P99Ms, double SteadyP99Ms, long Lost, long Duplicated, IReadOnlyList<Run> Runs);

    /// <summary>How long after an outage's end batches still count as disturbed by it (the backlog drains).</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(5);

    public static async Task<Report> RunAsync(Options options, Action<string> log, CancellationToken ct)
    {
        var loadBefore = LoadAverage();
        var cluster = new ScanPeakCluster(options.PgDirectory, options.PgPort, log);
        await cluster.StartAsync(ct);
        var runs = new List<Run>();
        try
        {
            for (var number = 1; number <= options.Runs; number++)
            {
                runs.Add(await RunOnceAsync(cluster, options, number, log, ct));
                var r = runs[^1];
                log($"run {number}/{options.Runs}: {r.ScansPerSecond:F0} scans/s over {r.AnsweredSeconds:F1} s to the last answer (sustained {r.SustainedScansPerSecond:F0}), p50 {r.P50Ms:F0} ms, p99 {r.P99Ms:F0} ms (outside outages {r.SteadyP99Ms:F0} ms), lost {r.Lost}, duplicated {r.Duplicated}");
            }
        }
        finally
        {
            await cluster.StopAsync(CancellationToken.None);
        }

        return new Report(
            "scan-peak", "postgres", options.Rate is null ? "closed" : "open", options.Rate, options.Clients, options.Batch, options.Seconds, options.People, options.Pool, options.Crashes, Environment.ProcessorCount,
            loadBefore, LoadAverage(),
            PersonsImportBenchmark.Median(runs.Select(r => r.ScansPerSecond).ToList()),
            PersonsImportBenchmark.Median(runs.Select(r => r.SustainedScansPerSecond).ToList()),
            PersonsImportBenchmark.Median(runs.Select(r => r.P50Ms).ToList()),
            PersonsImportBenchmark.Median(runs.Select(r => r.P99Ms).ToList()),
            PersonsImportBenchmark.Median(runs.Select(r => r.SteadyP99Ms).ToList()),
            runs.Sum(r => r.Lost), runs.Sum(r => r.Duplicated), runs);
    }

    private static async Task<Run> RunOnceAsync(ScanPeakCluster cluster, Options options, int number, Action<string> log, CancellationToken ct)
    {
        var name = $"scanpeak_{number}";
        await using (var admin = new NpgsqlConnection(cluster.ConnectionString("postgres")))
        {
            await admin.OpenAsync(ct);
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE); CREATE DATABASE {name}", admin);
            await drop.ExecuteNonQueryAsync(ct);
        }

        var connection = cluster.ConnectionString(name);
        var prepared = await ScanPeakSetup.PrepareAsync(DatabaseSettings.Parse($"postgres:{connection}"), options.People, options.Clients, log, ct);
        NpgsqlConnection.ClearAllPools();

        var address = new Uri($"http://127.0.0.1:{options.HttpPort}/");
        var serverSetting = $"postgres:{connection};Maximum Pool Size={options.Pool}";
        using var server = new ScanPeakServer(serverSetting, address, Path.Combine(Path.GetTempPath(), $"fangkong-scan-peak-server-{number}.log"), log, options.ServerCli);
        await server.StartAsync(ct);

        var clock = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(options.Seconds);
        using var clients = new ScanPeakClients(address, prepared.RoundId, ScanPeakSetup.UserName, ScanPeakSetup.Password, prepared.Documents, log);
        var schedule = options.Rate is { } rate ? new ScanPeakSchedule(rate, options.Clients, options.Batch) : null;
        var load = clients.RunAsync(options.Clients, options.Batch, options.PoolSize, duration, schedule, clock, ct);
        double serverDown = 0, postgresDown = 0;
        var outages = new List<(double From, double To)>();
        if (options.Crashes)
        {
            await Task.WhenAny(load, Task.Delay(duration / 3, ct));
            var down = Stopwatch.StartNew();
            var killedAt = clock.Elapsed.TotalSeconds;
            server.Kill();
            await server.StartAsync(ct);
            serverDown = down.Elapsed.TotalSeconds;
            outages.Add((killedAt, clock.Elapsed.TotalSeconds));

            // The server's restart may itself take longer than a third of the run on a loaded machine.
            var untilSecond = duration * 2 / 3 - clock.Elapsed;
            await Task.WhenAny(load, Task.Delay(untilSecond > TimeSpan.Zero ? untilSecond : TimeSpan.Zero, ct));
            down.Restart();
            var restartedAt = clock.Elapsed.TotalSeconds;
            log("pg_ctl restart -m immediate");
            await cluster.RestartImmediateAsync(ct);
            postgresDown = down.Elapsed.TotalSeconds;
            outages.Add((restartedAt, clock.Elapsed.TotalSeconds));
        }

        var outcome = await load;
        var seconds = clock.Elapsed.TotalSeconds;
        server.Kill();
        var count = await ScanPeakSetup.CountAsync(connection, prepared.RoundId, outcome.Acknowledged, ct);
        var latencies = outcome.Latencies.Select(l => l.Ms).Order().ToList();
        var steady = outcome.Latencies
            .Where(l => !outages.Any(o => l.SentAtSeconds >= o.From && l.SentAtSeconds < o.To + Settle.TotalSeconds))
            .Select(l => l.Ms).Order().ToList();
        return new Run(
            number, ScanPeakRate.PerSecond(outcome.Recorded, outcome.StartedAt, outcome.Answers), options.Rate,
            ScanPeakRate.AnsweredSeconds(outcome.StartedAt, outcome.Answers), Sustained(outcome.Answers, options.Seconds),
            Percentile(latencies, 0.50), Percentile(latencies, 0.99), Percentile(steady, 0.99), latencies.Count > 0 ? latencies[^1] : 0, outcome.Requests,
            outcome.Errors, outcome.Acknowledged.Count, outcome.Recorded, outcome.AlreadyRecorded, outcome.Refused,
            count.Stored, count.Lost, count.Duplicated, count.StoredNotAcknowledged, count.TubesMiscounted,
            serverDown, postgresDown, seconds);
    }

    /// <summary>The median of the per-second scan rates over the run (outages included, as seconds of low rate).</summary>
    private static double Sustained(IReadOnlyList<(double At, int Scans)> answers, int seconds)
    {
        var perSecond = new double[seconds];
        foreach (var (at, scans) in answers.Where(a => a.At < seconds))
        {
            perSecond[(int)at] += scans;
        }

        return PersonsImportBenchmark.Median(perSecond.Skip(1).ToList());
    }

    /// <summary>The machine's load average (1, 5, 15 min), recorded with every figure: the machine is shared.</summary>
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
