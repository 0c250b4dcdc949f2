using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Fangkong.Data;

/// <summary>
/// Applies the hand-written, versioned SQL migrations of the active provider in order, each in
/// its own transaction, and records them in <c>schema_migrations</c>. The EF design-time
/// package is not available here, so migrations are plain SQL per provider
/// (see docs/decisions/0002-hand-written-migrations.md).
/// </summary>
public sealed class Migrator(FangkongDbContext db, DatabaseSettings settings, ILogger<Migrator> logger)
{
    /// <summary>All migrations of a provider, ordered by version.</summary>
    public static IReadOnlyList<Migration> Available(DatabaseProvider provider)
    {
        var assembly = typeof(Migrator).Assembly;
        var prefix = $"Fangkong.Migrations.{provider}.";
        return assembly.GetManifestResourceNames()
            .Select(n => n.Replace('/', '.').Replace('\\', '.'))
            .Zip(assembly.GetManifestResourceNames())
            .Where(p => p.First.StartsWith(prefix, StringComparison.Ordinal) && p.First.EndsWith(".sql", StringComparison.Ordinal))
            .Select(p => new Migration(p.First[prefix.Length..^4], Read(assembly, p.Second)))
            .OrderBy(m => m.Version, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The embedded SQLite database needs no set-up, so it is brought up to date whenever it is
    /// opened; PostgreSQL is migrated only by <c>fangkong db migrate</c>, an operator's decision.
    /// </summary>
    public Task<IReadOnlyList<string>> MigrateIfEmbeddedAsync(CancellationToken cancellationToken = default) =>
        settings.Provider == DatabaseProvider.Sqlite
            ? MigrateAsync(null, cancellationToken)
            : Task.FromResult<IReadOnlyList<string>>([]);

    /// <summary>Applies what is missing, up to <paramref name="target"/> (all when null). Returns what it applied.</summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(string? target = null, CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, CreateHistorySql, cancellationToken);
            if (settings.Provider == DatabaseProvider.Postgres)
            {
                // Two servers starting at once must not both migrate; released with the session.
                await ExecuteAsync(connection, null, "SELECT pg_advisory_lock(4242424242)", cancellationToken);
            }
            else
            {
                await SqliteForeignKeyCheck.EnforceAsync(connection, on: false, cancellationToken);
            }

            var applied = await AppliedAsync(cancellationToken);
            var done = new List<string>();
            foreach (var migration in Available(settings.Provider))
            {
                if (target is not null && string.CompareOrdinal(migration.Version, target) > 0)
                {
                    break;
                }

                if (applied.Contains(migration.Version))
                {
                    continue;
                }

                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(connection, transaction, migration.Sql, cancellationToken);
                if (settings.Provider == DatabaseProvider.Sqlite)
                {
                    await SqliteForeignKeyCheck.VerifyAsync(connection, transaction, migration.Version, cancellationToken);
                }

                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = transaction;
                    record.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @at)";
                    AddParameter(record, "@v", migration.Version);
                    AddParameter(record, "@at", DateTimeOffset.UtcNow.ToString("O"));
                    await record.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                logger.LogInformation("Applied migration {Version} on {Provider}", migration.Version, settings.Provider);
                done.Add(migration.Version);
            }

            // Signing keys stored before encryption are encrypted here, under the same lock, on the
            // first start or `db migrate` after the upgrade (issue 14 item 7).
            if (applied.Contains(Passes.PassKeys.ProtectionMigration) || done.Contains(Passes.PassKeys.ProtectionMigration))
            {
                await Passes.PassKeys.ProtectStoredAsync(db, cancellationToken);
            }

            return done;
        }
        finally
        {
            if (settings.Provider == DatabaseProvider.Postgres)
            {
                await ExecuteAsync(connection, null, "SELECT pg_advisory_unlock(4242424242)", cancellationToken);
            }
            else
            {
                await SqliteForeignKeyCheck.EnforceAsync(connection, on: true, cancellationToken);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The versions already applied.</summary>
    public async Task<HashSet<string>> AppliedAsync(CancellationToken cancellationToken = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await ExecuteAsync(connection, null, CreateHistorySql, cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT version FROM schema_migrations";
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var set = new HashSet<string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken))
            {
                set.Add(reader.GetString(0));
            }

            return set;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private const string CreateHistorySql =
        "CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR(64) NOT NULL PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)";

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>One versioned migration script, e.g. <c>0001_initial</c>.</summary>
public sealed record Migration(string Version, string Sql);
