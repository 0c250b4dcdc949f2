using Fangkong.Data;
using Npgsql;

namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>
/// The migrated PostgreSQL template of this test run: built once per server and set of migrations,
/// then copied per test with <c>CREATE DATABASE … TEMPLATE</c>, which is much faster than running
/// every migration again. Several test processes share the server, so the template is built under
/// an advisory lock, under a private name, and renamed into place only when complete; it then
/// refuses connections (<c>ALLOW_CONNECTIONS false</c>), since PostgreSQL will not copy a database
/// that someone is connected to.
/// </summary>
internal static class PostgresTemplate
{
    // Advisory locks are per database: this one is taken in the admin database, where the product's
    // Migrator lock (4242424242, taken in the migrated database) never is. "fktmpl" in ASCII.
    private const long LockKey = 0x666B746D706C;

    private static readonly Lazy<Task<string>> Template = new(EnsureAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The template's name, once it exists.</summary>
    public static Task<string> NameAsync() => Template.Value;

    /// <summary>Creates <paramref name="database"/> as a copy of the template (built first if missing).</summary>
    public static async Task CopyAsync(string database)
    {
        var template = await NameAsync();
        await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await admin.OpenAsync();
        await ExecuteAsync(admin, $"CREATE DATABASE {database} TEMPLATE {template}");
    }

    private static async Task<string> EnsureAsync()
    {
        var name = TemplateName.For(DatabaseProvider.Postgres);
        await using var admin = new NpgsqlConnection(PostgresServer.AdminConnectionString);
        await admin.OpenAsync();
        await ExecuteAsync(admin, $"SELECT pg_advisory_lock({LockKey})");
        try
        {
            if (await ExistsAsync(admin, name))
            {
                return name;
            }

            var building = $"{name}_b{Guid.NewGuid():N}"[..(name.Length + 14)];
            await ExecuteAsync(admin, $"CREATE DATABASE {building}");
            try
            {
                // No pooling: a pooled connection left open would block the rename below.
                var connection = new NpgsqlConnectionStringBuilder(PostgresServer.AdminConnectionString) { Database = building, Pooling = false };
                await TestDatabase.MigrateAsync(DatabaseSettings.Parse($"postgres:{connection}"), null);
                await ExecuteAsync(admin, $"ALTER DATABASE {building} RENAME TO {name}");
            }
            catch
            {
                await ExecuteAsync(admin, $"DROP DATABASE IF EXISTS {building} WITH (FORCE)");
                throw;
            }

            await ExecuteAsync(admin, $"ALTER DATABASE {name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false");
            return name;
        }
        finally
        {
            await ExecuteAsync(admin, $"SELECT pg_advisory_unlock({LockKey})");
        }
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection admin, string name)
    {
        await using var command = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", admin);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync() is not null;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 600 };
        await command.ExecuteNonQueryAsync();
    }
}
