using System.Diagnostics;
using Npgsql;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// The benchmark's own PostgreSQL server (never the shared test server): initialised on first
/// use in <c>dir</c>, listening on 127.0.0.1 only, and restarted with <c>-m immediate</c> (a
/// crash: no checkpoint, recovery from the WAL) in the middle of the load. fsync is off (the
/// machine does not crash, only the server does, so the page cache keeps what was written), but
/// synchronous_commit stays on: an answered commit must survive the server's crash, and with it
/// off PostgreSQL may forget the last acknowledged transactions, which would count as lost scans.
/// </summary>
internal sealed class ScanPeakCluster(string dir, int port, Action<string> log)
{
    public string ConnectionString(string database) => $"Host=127.0.0.1;Port={port};Username=postgres;Database={database}";

    private string Options =>
        $"-p {port} -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=on -c full_page_writes=off -c max_connections=300 -c shared_buffers=256MB";

    public async Task StartAsync(CancellationToken ct)
    {
        if (!File.Exists(Path.Combine(dir, "PG_VERSION")))
        {
            Directory.CreateDirectory(dir);
            if (Environment.UserName == "root")
            {
                await RunAsync("chown", ["postgres:postgres", dir], ct);
            }

            log($"initdb {dir}");
            await RunAsOwnerAsync("initdb", ["-D", dir, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8"], ct);
        }
        else if (await IsReadyAsync(ct))
        {
            // Running, maybe with other settings: start again with the benchmark's.
            await RunAsOwnerAsync("pg_ctl", ["-D", dir, "-m", "fast", "-w", "stop"], ct);
        }

        await RunAsOwnerAsync("pg_ctl", ["-D", dir, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "120", "-o", Options, "start"], ct);
        log($"PostgreSQL on 127.0.0.1:{port} ({dir})");
    }

    /// <summary>A crash and recovery: every connection is cut, the server replays its WAL.</summary>
    public Task RestartImmediateAsync(CancellationToken ct) =>
        RunAsOwnerAsync("pg_ctl", ["-D", dir, "-l", Path.Combine(dir, "server.log"), "-m", "immediate", "-w", "-t", "120", "-o", Options, "restart"], ct);

    public Task StopAsync(CancellationToken ct) => RunAsOwnerAsync("pg_ctl", ["-D", dir, "-m", "fast", "-w", "stop"], ct);

    private async Task<bool> IsReadyAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false;Timeout=3");
            await connection.OpenAsync(ct);
            return true;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    private static string BinDirectory =>
        Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(Directory.Exists)
            .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .LastOrDefault()
        ?? throw new InvalidOperationException("PostgreSQL is not installed (/usr/lib/postgresql/*/bin).");

    private static Task RunAsOwnerAsync(string tool, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var path = Path.Combine(BinDirectory, tool);

        // initdb and the server refuse to run as root.
        return Environment.UserName == "root"
            ? RunAsync("runuser", ["-u", "postgres", "--", path, .. arguments], ct)
            : RunAsync(path, arguments, ct);
    }

    private static async Task RunAsync(string file, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/tmp" };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var error = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}
