using Fangkong.Data;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// A fresh, empty database for one benchmark run next to the chosen one: a new SQLite file beside
/// it, or a new database on the same PostgreSQL server. The chosen database's data is never touched.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _adminConnection;
    private readonly string? _postgresName;

    private BenchDatabase(DatabaseSettings settings, string? sqliteFile, string? adminConnection, string? postgresName)
    {
        Settings = settings;
        _sqliteFile = sqliteFile;
        _adminConnection = adminConnection;
        _postgresName = postgresName;
    }

    public DatabaseSettings Settings { get; }

    public static async Task<BenchDatabase> CreateAsync(DatabaseSettings chosen, int run, CancellationToken ct)
    {
        if (chosen.Provider == DatabaseProvider.Sqlite)
        {
            var file = Path.GetFullPath($"{chosen.SqlitePath}.bench-{Environment.ProcessId}-{run}.db");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            DeleteSqlite(file);
            return new BenchDatabase(DatabaseSettings.Parse($"sqlite:{file}"), file, null, null);
        }

        var builder = new NpgsqlConnectionStringBuilder(chosen.ConnectionString);
        var stem = new string((builder.Database ?? "fangkong").ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '_').ToArray());
        var name = $"{stem}_bench_{run}";

        // The server's maintenance database is always there, so the chosen one need not exist yet.
        var admin = new NpgsqlConnectionStringBuilder(chosen.ConnectionString) { Database = "postgres", Pooling = false }.ToString();
        await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {name} WITH (FORCE)", ct);
        await ExecuteAsync(admin, $"CREATE DATABASE {name}", ct);
        builder.Database = name;
        return new BenchDatabase(DatabaseSettings.Parse($"postgres:{builder}"), null, admin, name);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            SqliteConnection.ClearAllPools();
            DeleteSqlite(_sqliteFile);
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(_adminConnection!, $"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", CancellationToken.None);
        }
    }

    private static void DeleteSqlite(string file)
    {
        foreach (var suffix in new[] { string.Empty, "-wal", "-shm", "-journal" })
        {
            File.Delete(file + suffix);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}
