using Fangkong.Access;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>
/// A fresh, empty database of one provider for one test: a temporary SQLite file, or a new
/// PostgreSQL database on the test server. Tests never share data. A fully migrated database is a
/// copy of the provider's template (<see cref="SqliteTemplate"/>, <see cref="PostgresTemplate"/>),
/// migrated once per set of migrations; one left empty or migrated part-way runs the migrations itself.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _sqliteFile;
    private readonly string? _postgresName;

    private TestDatabase(DatabaseSettings settings, string? sqliteFile, string? postgresName)
    {
        Settings = settings;
        _sqliteFile = sqliteFile;
        _postgresName = postgresName;
    }

    /// <summary>
    /// Set FANGKONG_TEST_TEMPLATES=off to migrate every test's database from scratch, as before the
    /// templates: to compare timings, or to rule the templates out when a test misbehaves.
    /// </summary>
    public static bool UsesTemplates { get; } =
        !string.Equals(Environment.GetEnvironmentVariable("FANGKONG_TEST_TEMPLATES"), "off", StringComparison.OrdinalIgnoreCase);

    public DatabaseSettings Settings { get; }

    public DatabaseProvider Provider => Settings.Provider;

    /// <summary>The setting string (sqlite:PATH or postgres:...), as the CLI takes it.</summary>
    public string Setting => Provider == DatabaseProvider.Sqlite
        ? $"sqlite:{_sqliteFile}"
        : $"postgres:{Settings.ConnectionString}";

    /// <summary>Creates an empty database; migrated to the latest version unless told otherwise.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider, bool migrate = true, string? upTo = null)
    {
        var fromTemplate = UsesTemplates && migrate && upTo is null;
        TestDatabase db;
        if (provider == DatabaseProvider.Sqlite)
        {
            var file = Path.Combine(Path.GetTempPath(), $"fangkong-test-{Guid.NewGuid():N}.db");
            if (fromTemplate)
            {
                await SqliteTemplate.CopyToAsync(file);
            }

            db = new TestDatabase(DatabaseSettings.Parse($"sqlite:{file}"), file, null);
        }
        else
        {
            var name = $"fk_test_{Guid.NewGuid():N}";
            if (fromTemplate)
            {
                await PostgresTemplate.CopyAsync(name);
            }
            else
            {
                await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
                await admin.OpenAsync();
                await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
                await create.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = name };
            db = new TestDatabase(DatabaseSettings.Parse($"postgres:{builder}"), null, name);
        }

        if (migrate && !fromTemplate)
        {
            await db.MigrateAsync(upTo);
        }

        return db;
    }

    public Task<IReadOnlyList<string>> MigrateAsync(string? upTo = null) => MigrateAsync(Settings, upTo);

    /// <summary>Runs the migrations on any database, the templates' included.</summary>
    internal static async Task<IReadOnlyList<string>> MigrateAsync(DatabaseSettings settings, string? upTo)
    {
        await using var context = NewContext(settings, Jurisdiction.System);
        return await new Migrator(context, settings, NullLogger<Migrator>.Instance).MigrateAsync(upTo);
    }

    /// <summary>A new DbContext seen through <paramref name="jurisdiction"/> (the whole country by default).</summary>
    public FangkongDbContext NewContext(Jurisdiction? jurisdiction = null) => NewContext(Settings, jurisdiction ?? Jurisdiction.System);

    private static FangkongDbContext NewContext(DatabaseSettings settings, Jurisdiction jurisdiction)
    {
        var options = new DbContextOptionsBuilder<FangkongDbContext>();
        DataServiceCollectionExtensions.Configure(options, settings);
        return new FangkongDbContext(options.Options, new FixedJurisdiction(jurisdiction), TimeProvider.System);
    }

    public async ValueTask DisposeAsync()
    {
        if (_sqliteFile is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { string.Empty, "-wal", "-shm" })
            {
                File.Delete(_sqliteFile + suffix);
            }
        }

        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", admin);
            await drop.ExecuteNonQueryAsync();
        }
    }
}
