using System.Data.Common;
using Fangkong.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Fangkong.Testing;

/// <summary>
/// Writes a decided batch of swabs without change tracking, inside the caller's transaction: the
/// tubes it opened (their ids taken from the database first, so that the swabs can name them),
/// the swabs, and the new fill of tubes that were already open. On PostgreSQL a console's batch
/// goes as array inserts in one round trip (<see cref="PostgresSampleInserts"/>), a file's by
/// binary COPY; on SQLite by prepared inserts (whose writer lock the transaction already holds).
/// </summary>
internal static class SampleWriter
{
    public sealed record Row(string ClientId, Tube Tube, long? PersonId, string Document, string? PersonRegion, DateTimeOffset SampledAt);

    public static Task WriteAsync(
        FangkongDbContext db, long roundId, string sampler, IReadOnlyList<Tube> opened, IReadOnlyList<Tube> filled, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction() ?? throw new InvalidOperationException("The swabs are written inside the batch's transaction.");
        return connection is NpgsqlConnection npgsql
            ? PostgresAsync(npgsql, roundId, sampler, opened, filled, rows, ct)
            : SqliteAsync((SqliteConnection)connection, (SqliteTransaction)transaction, roundId, sampler, opened, filled, rows, ct);
    }

    private static async Task PostgresAsync(NpgsqlConnection connection, long roundId, string sampler, IReadOnlyList<Tube> opened, IReadOnlyList<Tube> filled, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        if (opened.Count > 0)
        {
            await using var ids = new NpgsqlCommand("SELECT nextval(pg_get_serial_sequence('tubes', 'id')) FROM generate_series(1, @n)", connection);
            ids.Parameters.AddWithValue("n", opened.Count);
            await using var reader = await ids.ExecuteReaderAsync(ct);
            var i = 0;
            while (await reader.ReadAsync(ct))
            {
                opened[i++].AssignId(reader.GetInt64(0));
            }
        }

        if (rows.Count <= PostgresSampleInserts.MaxRows)
        {
            await PostgresSampleInserts.WriteAsync(connection, roundId, sampler, opened, filled, rows, ct);
            return;
        }

        if (opened.Count > 0)
        {
            await using var tubes = await connection.BeginBinaryImportAsync(
                "COPY tubes (id, round_id, barcode, pool_size, region_code, sampling_point, sampling_point_id, opened_at, sample_count) FROM STDIN (FORMAT BINARY)", ct);
            foreach (var tube in opened)
            {
                tubes.StartRow();
                tubes.Write(tube.Id, NpgsqlDbType.Bigint);
                tubes.Write(roundId, NpgsqlDbType.Bigint);
                tubes.Write(tube.Barcode, NpgsqlDbType.Varchar);
                tubes.Write(tube.PoolSize, NpgsqlDbType.Integer);
                tubes.Write(tube.RegionCode, NpgsqlDbType.Varchar);
                tubes.Write(tube.SamplingPoint, NpgsqlDbType.Varchar);
                if (tube.SamplingPointId is { } point)
                {
                    tubes.Write(point, NpgsqlDbType.Bigint);
                }
                else
                {
                    tubes.WriteNull();
                }

                tubes.Write(tube.OpenedAt, NpgsqlDbType.TimestampTz);
                tubes.Write(tube.SampleCount, NpgsqlDbType.Integer);
            }

            await tubes.CompleteAsync(ct);
        }

        await using (var samples = await connection.BeginBinaryImportAsync(
            "COPY samples (client_id, round_id, tube_id, person_id, document_number, person_region_code, region_code, sampled_at, sampler) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var row in rows)
            {
                samples.StartRow();
                samples.Write(row.ClientId, NpgsqlDbType.Varchar);
                samples.Write(roundId, NpgsqlDbType.Bigint);
                samples.Write(row.Tube.Id, NpgsqlDbType.Bigint);
                if (row.PersonId is { } person)
                {
                    samples.Write(person, NpgsqlDbType.Bigint);
                    samples.Write(row.Document, NpgsqlDbType.Varchar);
                    samples.Write(row.PersonRegion!, NpgsqlDbType.Varchar);
                }
                else
                {
                    samples.WriteNull();
                    samples.Write(row.Document, NpgsqlDbType.Varchar);
                    samples.WriteNull();
                }

                samples.Write(row.Tube.RegionCode, NpgsqlDbType.Varchar);
                samples.Write(row.SampledAt, NpgsqlDbType.TimestampTz);
                samples.Write(sampler, NpgsqlDbType.Varchar);
            }

            await samples.CompleteAsync(ct);
        }

        if (filled.Count > 0)
        {
            await using var update = new NpgsqlCommand(TubeFill.PostgresSql, connection);
            update.Parameters.AddWithValue("ids", filled.Select(t => t.Id).ToArray());
            update.Parameters.AddWithValue("counts", filled.Select(t => t.SampleCount).ToArray());
            TubeFill.EnsureAllUpdated(await update.ExecuteNonQueryAsync(ct), filled);
        }
    }

    private static async Task SqliteAsync(
        SqliteConnection connection, SqliteTransaction transaction, long roundId, string sampler, IReadOnlyList<Tube> opened, IReadOnlyList<Tube> filled, IReadOnlyList<Row> rows, CancellationToken ct)
    {
        if (opened.Count > 0)
        {
            // The transaction holds SQLite's one writer lock, so the next ids are this batch's.
            long next;
            await using (var max = new SqliteCommand("SELECT COALESCE(MAX(id), 0) FROM tubes", connection, transaction))
            {
                next = Convert.ToInt64(await max.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            }

            await using var insert = new SqliteCommand(
                "INSERT INTO tubes (id, round_id, barcode, pool_size, region_code, sampling_point, sampling_point_id, opened_at, sample_count) VALUES ($id, $round, $barcode, $size, $region, $point, $pointId, $opened, $count)",
                connection, transaction);
            var p = Parameters(insert, "$id", "$round", "$barcode", "$size", "$region", "$point", "$pointId", "$opened", "$count");
            insert.Prepare();
            foreach (var tube in opened)
            {
                tube.AssignId(++next);
                Set(p, tube.Id, roundId, tube.Barcode, tube.PoolSize, tube.RegionCode, tube.SamplingPoint, tube.SamplingPointId, tube.OpenedAt.ToUnixTimeMilliseconds(), tube.SampleCount);
                await insert.ExecuteNonQueryAsync(ct);
            }
        }

        await using (var insert = new SqliteCommand(
            "INSERT INTO samples (client_id, round_id, tube_id, person_id, document_number, person_region_code, region_code, sampled_at, sampler) VALUES ($client, $round, $tube, $person, $document, $personRegion, $region, $at, $sampler)",
            connection, transaction))
        {
            var p = Parameters(insert, "$client", "$round", "$tube", "$person", "$document", "$personRegion", "$region", "$at", "$sampler");
            insert.Prepare();
            foreach (var row in rows)
            {
                Set(p, row.ClientId, roundId, row.Tube.Id, row.PersonId, row.Document, row.PersonRegion, row.Tube.RegionCode, row.SampledAt.ToUnixTimeMilliseconds(), sampler);
                await insert.ExecuteNonQueryAsync(ct);
            }
        }

        await using var update = new SqliteCommand(TubeFill.SqliteSql, connection, transaction);
        var u = Parameters(update, "$count", "$id");
        var updated = 0;
        foreach (var tube in filled)
        {
            Set(u, tube.SampleCount, tube.Id);
            updated += await update.ExecuteNonQueryAsync(ct);
        }

        TubeFill.EnsureAllUpdated(updated, filled);
    }

    private static DbParameter[] Parameters(SqliteCommand command, params string[] names) =>
        names.Select(n => (DbParameter)command.Parameters.Add(new SqliteParameter(n, null))).ToArray();

    private static void Set(DbParameter[] parameters, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
