using Npgsql;
using NpgsqlTypes;

namespace Fangkong.Testing;

/// <summary>
/// A sampling console's batch (a tube of ten, a few tubes) written to PostgreSQL in ONE round
/// trip: the opened tubes, the swabs and the new fill of tubes already open, each an
/// <c>INSERT … SELECT FROM unnest(arrays)</c> or <c>UPDATE … FROM unnest</c>, sent together as one
/// <see cref="NpgsqlBatch"/>. Binary COPY, which <see cref="SampleWriter"/> keeps for files, costs
/// two round trips per table (start, then finish); at the sampling peak the batch's transaction
/// holds a pooled connection for every round trip, and under load each round trip waits for the
/// web server's threads, so round trips, not rows, limit the scans per second (ADR 0030).
/// </summary>
internal static class PostgresSampleInserts
{
    /// <summary>Up to this many swabs a batch is written by inserts; above it (files) by COPY.</summary>
    public const int MaxRows = 1_000;

    public static async Task WriteAsync(
        NpgsqlConnection connection, long roundId, string sampler, IReadOnlyList<Tube> opened, IReadOnlyList<Tube> filled, IReadOnlyList<SampleWriter.Row> rows, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(connection);
        if (opened.Count > 0)
        {
            batch.BatchCommands.Add(Command(
                "INSERT INTO tubes (id, round_id, barcode, pool_size, region_code, sampling_point, sampling_point_id, opened_at, sample_count) " +
                "SELECT t.id, @round, t.barcode, t.size, t.region, t.point, t.point_id, t.opened, t.n " +
                "FROM unnest(@ids, @barcodes, @sizes, @regions, @points, @pointIds, @opened, @counts) AS t(id, barcode, size, region, point, point_id, opened, n)",
                ("round", roundId, NpgsqlDbType.Bigint),
                ("ids", opened.Select(t => t.Id).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint),
                ("barcodes", opened.Select(t => t.Barcode).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
                ("sizes", opened.Select(t => t.PoolSize).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer),
                ("regions", opened.Select(t => t.RegionCode).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
                ("points", opened.Select(t => t.SamplingPoint).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
                ("pointIds", opened.Select(t => t.SamplingPointId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint),
                ("opened", opened.Select(t => t.OpenedAt.ToUniversalTime()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz),
                ("counts", opened.Select(t => t.SampleCount).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer)));
        }

        batch.BatchCommands.Add(Command(
            "INSERT INTO samples (client_id, round_id, tube_id, person_id, document_number, person_region_code, region_code, sampled_at, sampler) " +
            "SELECT s.client_id, @round, s.tube_id, s.person_id, s.document, s.person_region, s.region, s.sampled_at, @sampler " +
            "FROM unnest(@clientIds, @tubeIds, @personIds, @documents, @personRegions, @regions, @sampledAt) AS s(client_id, tube_id, person_id, document, person_region, region, sampled_at)",
            ("round", roundId, NpgsqlDbType.Bigint),
            ("sampler", sampler, NpgsqlDbType.Text),
            ("clientIds", rows.Select(r => r.ClientId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            ("tubeIds", rows.Select(r => r.Tube.Id).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint),
            ("personIds", rows.Select(r => r.PersonId).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint),
            ("documents", rows.Select(r => r.Document).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            // The person's region only with the person, as the COPY path writes it.
            ("personRegions", rows.Select(r => r.PersonId is null ? null : r.PersonRegion).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            ("regions", rows.Select(r => r.Tube.RegionCode).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text),
            ("sampledAt", rows.Select(r => r.SampledAt.ToUniversalTime()).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)));

        if (filled.Count > 0)
        {
            batch.BatchCommands.Add(Command(
                TubeFill.PostgresSql,
                ("ids", filled.Select(t => t.Id).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Bigint),
                ("counts", filled.Select(t => t.SampleCount).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer)));
        }

        await batch.ExecuteNonQueryAsync(ct);
        if (filled.Count > 0)
        {
            TubeFill.EnsureAllUpdated(batch.BatchCommands[^1].RecordsAffected, filled);
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object? Value, NpgsqlDbType Type)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value, type) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
