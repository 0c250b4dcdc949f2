using System.Diagnostics;
using Fangkong.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// The storage floor of the sampling import: the swabs the import just wrote, already checked
/// and resolved (tube and person ids known), copied straight into a fresh table shaped like
/// <c>samples</c>, with the same indexes and the same foreign key to <c>tubes</c>. What the
/// database needs to keep the rows with the guarantees the product relies on, and nothing else.
/// </summary>
internal static class SamplesFloorLoad
{
    public const string Name = "binary COPY of the resolved rows into a table with samples' indexes and foreign key";
    public const string SqliteName = "prepared inserts of the resolved rows into a table with samples' indexes and foreign key";

    private const string Columns = "client_id, round_id, tube_id, person_id, document_number, person_region_code, region_code, sampled_at, sampler";

    public sealed record Row(string ClientId, long RoundId, long TubeId, long? PersonId, string Document, string? PersonRegion, string Region, object SampledAt, string Sampler);

    /// <summary>Reads the round's swabs (not timed), then times their copy into the twin table.</summary>
    public static async Task<TimeSpan> RunAsync(DatabaseSettings settings, long roundId, CancellationToken ct) =>
        settings.Provider == DatabaseProvider.Postgres ? await PostgresAsync(settings, roundId, ct) : Sqlite(settings, roundId);

    private static async Task<TimeSpan> PostgresAsync(DatabaseSettings settings, long roundId, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        var rows = new List<Row>();
        await using (var read = new NpgsqlCommand($"SELECT {Columns} FROM samples WHERE round_id = @round ORDER BY id", connection))
        {
            read.Parameters.AddWithValue("round", roundId);
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                rows.Add(Read(reader, reader.GetFieldValue<DateTimeOffset>(7)));
            }
        }

        foreach (var sql in new[]
                 {
                     "DROP TABLE IF EXISTS bench_samples_floor",
                     "CREATE TABLE bench_samples_floor (LIKE samples INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING INDEXES)",
                     "ALTER TABLE bench_samples_floor ADD FOREIGN KEY (tube_id) REFERENCES tubes (id) ON DELETE CASCADE",
                 })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(ct);
        }

        var watch = Stopwatch.StartNew();
        await using (var copy = await connection.BeginBinaryImportAsync($"COPY bench_samples_floor ({Columns}) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                copy.StartRow();
                copy.Write(row.ClientId, NpgsqlDbType.Varchar);
                copy.Write(row.RoundId, NpgsqlDbType.Bigint);
                copy.Write(row.TubeId, NpgsqlDbType.Bigint);
                if (row.PersonId is { } person)
                {
                    copy.Write(person, NpgsqlDbType.Bigint);
                }
                else
                {
                    copy.WriteNull();
                }

                copy.Write(row.Document, NpgsqlDbType.Varchar);
                if (row.PersonRegion is null)
                {
                    copy.WriteNull();
                }
                else
                {
                    copy.Write(row.PersonRegion, NpgsqlDbType.Varchar);
                }

                copy.Write(row.Region, NpgsqlDbType.Varchar);
                copy.Write((DateTimeOffset)row.SampledAt, NpgsqlDbType.TimestampTz);
                copy.Write(row.Sampler, NpgsqlDbType.Varchar);
            }

            await copy.CompleteAsync(ct);
        }

        watch.Stop();
        await using (var drop = new NpgsqlCommand("DROP TABLE bench_samples_floor", connection))
        {
            await drop.ExecuteNonQueryAsync(ct);
        }

        return watch.Elapsed;
    }

    private static TimeSpan Sqlite(DatabaseSettings settings, long roundId)
    {
        using var connection = new SqliteConnection(settings.ConnectionString);
        connection.Open();
        using (var foreignKeys = new SqliteCommand("PRAGMA foreign_keys = ON", connection))
        {
            foreignKeys.ExecuteNonQuery();
        }

        var rows = new List<Row>();
        using (var read = new SqliteCommand($"SELECT {Columns} FROM samples WHERE round_id = $round ORDER BY id", connection))
        {
            read.Parameters.AddWithValue("$round", roundId);
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(Read(reader, reader.GetInt64(7)));
            }
        }

        // The twin's schema is samples' own, renamed: the same columns, indexes and foreign key.
        var schema = new List<string> { "DROP TABLE IF EXISTS bench_samples_floor" };
        using (var ddl = new SqliteCommand("SELECT sql FROM sqlite_master WHERE tbl_name = 'samples' AND sql IS NOT NULL ORDER BY type DESC", connection))
        using (var reader = ddl.ExecuteReader())
        {
            while (reader.Read())
            {
                // No column's name holds "samples": only the table's, its indexes' and its constraints' do.
                schema.Add(reader.GetString(0).Replace("samples", "bench_samples_floor", StringComparison.Ordinal));
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
                $"INSERT INTO bench_samples_floor ({Columns}) VALUES ($c0, $c1, $c2, $c3, $c4, $c5, $c6, $c7, $c8)", connection, transaction);
            var p = Enumerable.Range(0, 9).Select(i => insert.Parameters.Add(new SqliteParameter($"$c{i}", null))).ToArray();
            insert.Prepare();
            foreach (var row in rows)
            {
                object?[] values = [row.ClientId, row.RoundId, row.TubeId, row.PersonId, row.Document, row.PersonRegion, row.Region, row.SampledAt, row.Sampler];
                for (var i = 0; i < values.Length; i++)
                {
                    p[i].Value = values[i] ?? DBNull.Value;
                }

                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        watch.Stop();
        using (var drop = new SqliteCommand("DROP TABLE bench_samples_floor", connection))
        {
            drop.ExecuteNonQuery();
        }

        return watch.Elapsed;
    }

    private static Row Read(System.Data.Common.DbDataReader reader, object sampledAt) => new(
        reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetString(4),
        reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), sampledAt, reader.GetString(8));
}
