using System.Diagnostics;
using Fangkong.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// The storage floor of an import: the rows it just wrote, already checked and resolved, read back
/// (not timed) and copied straight into a fresh twin of their table, with the same indexes and
/// foreign keys (timed): what the database needs to keep the rows with the guarantees the product
/// relies on, and nothing else. Binary COPY on PostgreSQL, prepared inserts in one transaction on SQLite.
/// </summary>
internal static class StorageFloor
{
    /// <summary>
    /// A table to twin: the columns copied with their PostgreSQL types, the foreign keys to add on
    /// PostgreSQL (<c>LIKE</c> copies no foreign key; SQLite's DDL carries them), and which rows.
    /// </summary>
    public sealed record Twin(string Table, string Columns, NpgsqlDbType[] Types, IReadOnlyList<string> ForeignKeys, string Where = "TRUE", long? Parameter = null)
    {
        public string Copy => $"bench_{Table}_floor";
    }

    public static async Task<TimeSpan> RunAsync(DatabaseSettings settings, Twin twin, CancellationToken ct) =>
        settings.Provider == DatabaseProvider.Postgres ? await PostgresAsync(settings, twin, ct) : Sqlite(settings, twin);

    private static async Task<TimeSpan> PostgresAsync(DatabaseSettings settings, Twin twin, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        var rows = new List<object?[]>();
        await using (var read = new NpgsqlCommand($"SELECT {twin.Columns} FROM {twin.Table} WHERE {twin.Where} ORDER BY id", connection))
        {
            if (twin.Parameter is { } value)
            {
                read.Parameters.AddWithValue("p", value);
            }

            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var values = new object?[twin.Types.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null : twin.Types[i] switch
                    {
                        NpgsqlDbType.Date => reader.GetFieldValue<DateOnly>(i),
                        NpgsqlDbType.TimestampTz => reader.GetFieldValue<DateTimeOffset>(i),
                        _ => reader.GetValue(i),
                    };
                }

                rows.Add(values);
            }
        }

        var schema = new List<string>
        {
            $"DROP TABLE IF EXISTS {twin.Copy}",
            $"CREATE TABLE {twin.Copy} (LIKE {twin.Table} INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING INDEXES)",
        };
        schema.AddRange(twin.ForeignKeys.Select(fk => $"ALTER TABLE {twin.Copy} ADD {fk}"));
        foreach (var sql in schema)
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        var watch = Stopwatch.StartNew();
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY {twin.Copy} ({twin.Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                copy.StartRow();
                for (var i = 0; i < row.Length; i++)
                {
                    Write(copy, row[i], twin.Types[i]);
                }
            }

            await copy.CompleteAsync(ct);
        }

        watch.Stop();
        await using (var drop = new NpgsqlCommand($"DROP TABLE {twin.Copy}", connection))
        {
            await drop.ExecuteNonQueryAsync(ct);
        }

        return watch.Elapsed;
    }

    private static void Write(NpgsqlBinaryImporter copy, object? value, NpgsqlDbType type)
    {
        switch (value)
        {
            case null:
                copy.WriteNull();
                break;
            case string s:
                copy.Write(s, type);
                break;
            case DateOnly d:
                copy.Write(d, type);
                break;
            case DateTimeOffset t:
                copy.Write(t, type);
                break;
            case long l:
                copy.Write(l, type);
                break;
            case int n:
                copy.Write(n, type);
                break;
            default:
                throw new InvalidOperationException($"Unexpected {value.GetType()} for {type}.");
        }
    }

    private static TimeSpan Sqlite(DatabaseSettings settings, Twin twin)
    {
        using var connection = new SqliteConnection(settings.ConnectionString);
        connection.Open();
        using (var foreignKeys = new SqliteCommand("PRAGMA foreign_keys = ON", connection))
        {
            foreignKeys.ExecuteNonQuery();
        }

        var rows = new List<object[]>();
        using (var read = new SqliteCommand($"SELECT {twin.Columns} FROM {twin.Table} WHERE {twin.Where.Replace("@p", "$p", StringComparison.Ordinal)} ORDER BY id", connection))
        {
            if (twin.Parameter is { } value)
            {
                read.Parameters.AddWithValue("$p", value);
            }

            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                // Stored values as they are (times as numbers, dates as ISO text), so the copy converts nothing.
                var values = new object[twin.Types.Length];
                reader.GetValues(values);
                rows.Add(values);
            }
        }

        // The twin's schema is the table's own, renamed: the same columns, indexes and foreign keys.
        // No column's name holds the table's (contact_no, source_contact_no hold "contact", not "contacts").
        var schema = new List<string> { $"DROP TABLE IF EXISTS {twin.Copy}" };
        using (var ddl = new SqliteCommand("SELECT sql FROM sqlite_master WHERE tbl_name = $t AND sql IS NOT NULL ORDER BY type DESC", connection))
        {
            ddl.Parameters.AddWithValue("$t", twin.Table);
            using var reader = ddl.ExecuteReader();
            while (reader.Read())
            {
                schema.Add(reader.GetString(0).Replace(twin.Table, twin.Copy, StringComparison.Ordinal));
            }
        }

        foreach (var sql in schema)
        {
            using var command = new SqliteCommand(sql, connection);
            command.ExecuteNonQuery();
        }

        var watch = Stopwatch.StartNew();
        using (var transaction = connection.BeginTransaction())
        {
            using var insert = new SqliteCommand(
                $"INSERT INTO {twin.Copy} ({twin.Columns}) VALUES ({string.Join(", ", Enumerable.Range(0, twin.Types.Length).Select(i => $"$c{i}"))})", connection, transaction);
            var p = Enumerable.Range(0, twin.Types.Length).Select(i => insert.Parameters.Add(new SqliteParameter($"$c{i}", null))).ToArray();
            insert.Prepare();
            foreach (var row in rows)
            {
                for (var i = 0; i < row.Length; i++)
                {
                    p[i].Value = row[i];
                }

                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        watch.Stop();
        using (var drop = new SqliteCommand($"DROP TABLE {twin.Copy}", connection))
        {
            drop.ExecuteNonQuery();
        }

        return watch.Elapsed;
    }
}
