using System.Diagnostics;
using Fangkong.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// The storage floor of the contacts import: the contacts the import just wrote, already checked
/// and given their quarantine order, copied straight into a fresh table shaped like
/// <c>contacts</c>, with the same indexes and the same foreign key to <c>policy_versions</c>.
/// What the database needs to keep the rows with the guarantees the product relies on, and nothing else.
/// </summary>
internal static class ContactsFloorLoad
{
    public const string Name = "binary COPY of the imported rows into a table with contacts' indexes and foreign key";
    public const string SqliteName = "prepared inserts of the imported rows into a table with contacts' indexes and foreign key";

    private const string Columns =
        "contact_no, kind, source_case_no, source_contact_no, id_number, name, region_code, exposure_on, identified_on, released_on, " +
        "policy_version_id, quarantine_place, central_days, home_days, central_test_days, home_test_days";

    private static readonly NpgsqlDbType[] Types =
    [
        NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
        NpgsqlDbType.Date, NpgsqlDbType.Date, NpgsqlDbType.Date, NpgsqlDbType.Bigint, NpgsqlDbType.Varchar, NpgsqlDbType.Integer, NpgsqlDbType.Integer,
        NpgsqlDbType.Varchar, NpgsqlDbType.Varchar,
    ];

    /// <summary>Reads the stored contacts (not timed), then times their copy into the twin table.</summary>
    public static async Task<TimeSpan> RunAsync(DatabaseSettings settings, CancellationToken ct) =>
        settings.Provider == DatabaseProvider.Postgres ? await PostgresAsync(settings, ct) : Sqlite(settings);

    private static async Task<TimeSpan> PostgresAsync(DatabaseSettings settings, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        var rows = new List<object?[]>();
        await using (var read = new NpgsqlCommand($"SELECT {Columns} FROM contacts ORDER BY id", connection))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var values = new object?[Types.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? null : Types[i] == NpgsqlDbType.Date ? reader.GetFieldValue<DateOnly>(i) : reader.GetValue(i);
                }

                rows.Add(values);
            }
        }

        foreach (var sql in new[]
                 {
                     "DROP TABLE IF EXISTS bench_contacts_floor",
                     "CREATE TABLE bench_contacts_floor (LIKE contacts INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING INDEXES)",
                     "ALTER TABLE bench_contacts_floor ADD FOREIGN KEY (policy_version_id) REFERENCES policy_versions (id) ON DELETE RESTRICT",
                 })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        var watch = Stopwatch.StartNew();
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY bench_contacts_floor ({Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                copy.StartRow();
                for (var i = 0; i < row.Length; i++)
                {
                    switch (row[i])
                    {
                        case null:
                            copy.WriteNull();
                            break;
                        case string s:
                            copy.Write(s, Types[i]);
                            break;
                        case DateOnly d:
                            copy.Write(d, Types[i]);
                            break;
                        case long l:
                            copy.Write(l, Types[i]);
                            break;
                        case int n:
                            copy.Write(n, Types[i]);
                            break;
                        default:
                            throw new InvalidOperationException($"Unexpected {row[i]!.GetType()} in column {i}.");
                    }
                }
            }

            await copy.CompleteAsync(ct);
        }

        watch.Stop();
        await using (var drop = new NpgsqlCommand("DROP TABLE bench_contacts_floor", connection))
        {
            await drop.ExecuteNonQueryAsync(ct);
        }

        return watch.Elapsed;
    }

    private static TimeSpan Sqlite(DatabaseSettings settings)
    {
        using var connection = new SqliteConnection(settings.ConnectionString);
        connection.Open();
        using (var foreignKeys = new SqliteCommand("PRAGMA foreign_keys = ON", connection))
        {
            foreignKeys.ExecuteNonQuery();
        }

        var rows = new List<object[]>();
        using (var read = new SqliteCommand($"SELECT {Columns} FROM contacts ORDER BY id", connection))
        using (var reader = read.ExecuteReader())
        {
            while (reader.Read())
            {
                // Stored values as they are (dates are ISO text already), so the copy converts nothing.
                var values = new object[Types.Length];
                reader.GetValues(values);
                rows.Add(values);
            }
        }

        // The twin's schema is contacts' own, renamed: the same columns, indexes and foreign key.
        var schema = new List<string> { "DROP TABLE IF EXISTS bench_contacts_floor" };
        using (var ddl = new SqliteCommand("SELECT sql FROM sqlite_master WHERE tbl_name = 'contacts' AND sql IS NOT NULL ORDER BY type DESC", connection))
        using (var reader = ddl.ExecuteReader())
        {
            while (reader.Read())
            {
                // No column's name holds "contacts" (contact_no, source_contact_no): only the table's, its indexes' and its constraints' do.
                schema.Add(reader.GetString(0).Replace("contacts", "bench_contacts_floor", StringComparison.Ordinal));
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
                $"INSERT INTO bench_contacts_floor ({Columns}) VALUES ({string.Join(", ", Enumerable.Range(0, Types.Length).Select(i => $"$c{i}"))})", connection, transaction);
            var p = Enumerable.Range(0, Types.Length).Select(i => insert.Parameters.Add(new SqliteParameter($"$c{i}", null))).ToArray();
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
        using (var drop = new SqliteCommand("DROP TABLE bench_contacts_floor", connection))
        {
            drop.ExecuteNonQuery();
        }

        return watch.Elapsed;
    }
}
