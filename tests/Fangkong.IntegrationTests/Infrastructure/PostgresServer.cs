using System.Diagnostics;

namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>
/// The PostgreSQL server of the test run: FANGKONG_TEST_POSTGRES if set, else the private
/// server that .ci/start-postgres.sh starts (idempotently) on first use. Never assumed running.
/// </summary>
public static class PostgresServer
{
    private static readonly Lazy<string> AdminConnection = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string AdminConnectionString => AdminConnection.Value;

    private static string Start()
    {
        if (Environment.GetEnvironmentVariable("FANGKONG_TEST_POSTGRES") is { Length: > 0 } given)
        {
            return given;
        }

        var script = Path.Combine(RepositoryRoot(), ".ci", "start-postgres.sh");
        var start = new ProcessStartInfo("bash", [script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"Could not start PostgreSQL for the tests ({script}): {error}");
        }

        return output.Trim().Split('\n')[^1];
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Fangkong.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (Fangkong.slnx) not found above " + AppContext.BaseDirectory);
    }
}
