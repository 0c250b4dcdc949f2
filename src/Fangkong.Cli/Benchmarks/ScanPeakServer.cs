using System.Diagnostics;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// The web server under load, as a process of its own (this CLI's <c>serve</c>, same build),
/// on 127.0.0.1 only, so that it can be killed with SIGKILL mid-request and started again.
/// <paramref name="serverCli"/> names another build's Fangkong.Cli.dll to serve instead (to
/// compare a server before and after a change under the same load, in the same hour).
/// </summary>
internal sealed class ScanPeakServer(string databaseSetting, Uri address, string logFile, Action<string> log, string? serverCli = null) : IDisposable
{
    private Process? _process;

    public async Task<TimeSpan> StartAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var host = serverCli is null ? Environment.ProcessPath ?? "dotnet" : "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(serverCli ?? typeof(ScanPeakServer).Assembly.Location);
        }

        foreach (var argument in new[] { "--database", databaseSetting, "serve", "--urls", address.ToString().TrimEnd('/') })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning";
        _process = Process.Start(start) ?? throw new InvalidOperationException("The server did not start.");
        var writer = TextWriter.Synchronized(new StreamWriter(logFile, append: true) { AutoFlush = true });
        _process.OutputDataReceived += (_, e) => Write(writer, e.Data);
        _process.ErrorDataReceived += (_, e) => Write(writer, e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var probe = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(2) };
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The server exited with {_process.ExitCode}; see {logFile}.");
            }

            try
            {
                using var answer = await probe.GetAsync(new Uri("/login", UriKind.Relative), ct);
                log($"server {_process.Id} up in {watch.Elapsed.TotalSeconds:F1} s");
                return watch.Elapsed;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, ct);
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    /// <summary>SIGKILL: no shutdown, requests cut mid-way, transactions left to PostgreSQL to abort.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false })
        {
            log($"kill -9 {_process.Id}");
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }
    }

    public void Dispose()
    {
        Kill();
        _process?.Dispose();
    }

    private static void Write(TextWriter writer, string? line)
    {
        if (line is not null)
        {
            writer.WriteLine(line);
        }
    }
}
