using System.Data.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Data.Schema;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>
/// A database at an old schema holding the rows today's code makes. An upgrade test cannot seed an old
/// schema through today's model (it writes columns and reads tables later migrations add), so it seeds a
/// database at the latest schema and copies every table the old schema has, column by column where both
/// have the column, into a database migrated only up to the old version. Columns added since are left
/// out; a column the old schema requires that today's has dropped stops the copy with its name.
/// </summary>
internal static class OldSchemaCopy
{
    /// <summary>The migrations' own bookkeeping: the target keeps its own.</summary>
    private const string History = "schema_migrations";

    private sealed record Column(string Name, bool Required, bool Identity, bool Generated);

    public static async Task CopyAsync(TestDatabase from, TestDatabase to)
    {
        if (from.Provider != to.Provider)
        {
            throw new ArgumentException("Both databases must use the same provider: values are copied as stored.", nameof(to));
        }

        var postgres = to.Provider == DatabaseProvider.Postgres;
        await using var sourceContext = from.NewContext();
        await using var targetContext = to.NewContext();
        var source = sourceContext.Database.GetDbConnection();
        var target = targetContext.Database.GetDbConnection();
        await source.OpenAsync();
        await target.OpenAsync();
        var sourceTables = await TablesAsync(source, postgres);
        var targetTables = await TablesAsync(target, postgres);
        if (postgres)
        {
            await CreateMissingPartitionsAsync(source, target);
        }
        else
        {
            // Outside a transaction: SQLite ignores this pragma inside one.
            await ExecuteAsync(target, "PRAGMA foreign_keys = OFF");
        }

        await using var transaction = await target.BeginTransactionAsync();
        if (postgres)
        {
            // Rows go in table by table, not in reference order: no trigger, no key check, until the end.
            await ExecuteAsync(target, "SET LOCAL session_replication_role = replica", transaction);
        }

        foreach (var (table, columns) in targetTables.Where(t => t.Key != History))
        {
            if (!sourceTables.TryGetValue(table, out var today))
            {
                continue;
            }

            var kept = columns.Where(c => !c.Generated && today.Any(s => s.Name == c.Name && !s.Generated)).ToList();
            var dropped = columns.FirstOrDefault(c => c.Required && !c.Identity && kept.All(k => k.Name != c.Name));
            if (dropped is not null)
            {
                throw new InvalidOperationException($"{table}.{dropped.Name} is required by the old schema and today's has no such column: this old schema cannot be filled by copying.");
            }

            // Reference rows a migration inserted are replaced by today's (the source has them too).
            await ExecuteAsync(target, $"DELETE FROM \"{table}\"", transaction);
            await CopyRowsAsync(source, target, transaction, table, kept, postgres);
        }

        if (postgres)
        {
            await ResetIdentitiesAsync(target, transaction, targetTables);
        }

        await transaction.CommitAsync();
        if (!postgres)
        {
            await ExecuteAsync(target, "PRAGMA foreign_keys = ON");
        }
    }

    private static async Task CopyRowsAsync(DbConnection source, DbConnection target, DbTransaction transaction, string table, List<Column> columns, bool postgres)
    {
        var names = string.Join(", ", columns.Select(c => $"\"{c.Name}\""));
        var values = string.Join(", ", columns.Select((_, i) => $"@p{i}"));
        var overriding = postgres && columns.Any(c => c.Identity) ? " OVERRIDING SYSTEM VALUE" : string.Empty;
        await using var insert = target.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO \"{table}\" ({names}){overriding} VALUES ({values})";
        for (var i = 0; i < columns.Count; i++)
        {
            var parameter = insert.CreateParameter();
            parameter.ParameterName = $"@p{i}";
            insert.Parameters.Add(parameter);
        }

        await using var select = source.CreateCommand();
        select.CommandText = $"SELECT {names} FROM \"{table}\"";
        await using var reader = await select.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < columns.Count; i++)
            {
                insert.Parameters[i].Value = reader.GetValue(i);
            }

            await insert.ExecuteNonQueryAsync();
        }
    }

    /// <summary>Each round's partition of the swabs (ADR 0021), made as the source has it, before its rows arrive.</summary>
    private static async Task CreateMissingPartitionsAsync(DbConnection source, DbConnection target)
    {
        const string Partitions = """
            SELECT c.relname::text, p.relname::text, pg_get_expr(c.relpartbound, c.oid)
            FROM pg_class c JOIN pg_inherits i ON i.inhrelid = c.oid JOIN pg_class p ON p.oid = i.inhparent
            WHERE c.relispartition AND c.relkind IN ('r', 'p') AND c.relnamespace = current_schema()::regnamespace
            """;
        // Before 0135 the swabs were one plain table: their rows simply go into it.
        const string Partitioned = "SELECT relname::text FROM pg_class WHERE relkind = 'p' AND relnamespace = current_schema()::regnamespace";
        var partitioned = (await CatalogueQuery.ListAsync(target, Partitioned, r => r.GetString(0))).ToHashSet(StringComparer.Ordinal);
        var existing = (await CatalogueQuery.ListAsync(target, Partitions, r => r.GetString(0))).ToHashSet(StringComparer.Ordinal);
        foreach (var (name, parent, bound) in await CatalogueQuery.ListAsync(source, Partitions, r => (r.GetString(0), r.GetString(1), r.GetString(2))))
        {
            if (partitioned.Contains(parent) && !existing.Contains(name))
            {
                await ExecuteAsync(target, $"CREATE TABLE \"{name}\" PARTITION OF \"{parent}\" {bound}");
            }
        }
    }

    /// <summary>Ids were copied as they were: each identity continues after the largest copied.</summary>
    private static async Task ResetIdentitiesAsync(DbConnection target, DbTransaction transaction, Dictionary<string, List<Column>> tables)
    {
        foreach (var (table, columns) in tables)
        {
            foreach (var column in columns.Where(c => c.Identity))
            {
                await ExecuteAsync(
                    target,
                    $"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column.Name}'), coalesce(max(\"{column.Name}\"), 1), max(\"{column.Name}\") IS NOT NULL) FROM \"{table}\"",
                    transaction);
            }
        }
    }

    /// <summary>Ordinary tables (a partition's rows are copied through its parent) and their columns.</summary>
    private static async Task<Dictionary<string, List<Column>>> TablesAsync(DbConnection connection, bool postgres)
    {
        var tables = new Dictionary<string, List<Column>>(StringComparer.Ordinal);
        if (postgres)
        {
            const string Sql = """
                SELECT c.table_name::text, c.column_name::text, c.is_nullable = 'NO' AND c.column_default IS NULL,
                       c.is_identity = 'YES' OR coalesce(c.column_default, '') LIKE 'nextval(%', c.is_generated = 'ALWAYS'
                FROM information_schema.columns c
                JOIN pg_class t ON t.relname = c.table_name AND t.relnamespace = current_schema()::regnamespace
                WHERE c.table_schema = current_schema() AND t.relkind IN ('r', 'p') AND NOT t.relispartition
                ORDER BY c.table_name, c.ordinal_position
                """;
            foreach (var (table, column) in await CatalogueQuery.ListAsync(connection, Sql, r => (r.GetString(0), new Column(r.GetString(1), r.GetBoolean(2), r.GetBoolean(3), r.GetBoolean(4)))))
            {
                Add(tables, table, column);
            }

            return tables;
        }

        var names = await CatalogueQuery.ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name", r => r.GetString(0));
        foreach (var table in names)
        {
            // table_xinfo's hidden: 2 and 3 are generated columns; pk: an INTEGER PRIMARY KEY is the rowid.
            var columns = await CatalogueQuery.ListAsync(
                connection,
                "SELECT name, \"notnull\", dflt_value IS NULL, pk, hidden FROM pragma_table_xinfo(@t)",
                r => new Column(r.GetString(0), r.GetInt64(1) == 1 && r.GetBoolean(2), r.GetInt64(3) > 0, r.GetInt64(4) >= 2),
                table);
            foreach (var column in columns)
            {
                Add(tables, table, column);
            }
        }

        return tables;
    }

    private static void Add(Dictionary<string, List<Column>> tables, string table, Column column)
    {
        if (!tables.TryGetValue(table, out var columns))
        {
            tables[table] = columns = [];
        }

        columns.Add(column);
    }

    private static async Task ExecuteAsync(DbConnection connection, string sql, DbTransaction? transaction = null)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
