using Npgsql;
using NpgsqlTypes;

namespace Fangkong.Persons;

/// <summary>
/// The first population of an empty persons table on PostgreSQL: the rows are copied in binary
/// straight into <c>persons</c>, with their address ids given in memory
/// (<see cref="PostgresResidenceMap"/>), while every index but the primary key is dropped; the
/// new residences are copied after them and the indexes built afresh by sorting. No staging
/// table, no second write of the rows. The caller holds exclusive locks on persons and the
/// residence tables, checked that persons is empty, and owns the transaction.
/// </summary>
internal static class PostgresPersonAppender
{
    private const string Copy = """
        COPY persons (document_type, document_number, name, sex, birth_date, phone, region_code,
                      compound_id, building_id, building_unit_id, room, household_no, health_code, updated_at)
        FROM STDIN (FORMAT BINARY)
        """;

    // A document seen twice: the last row wins, as on the merge path. Rows were copied in file order,
    // so the last one has the highest id.
    private const string KeepLastOfRepeated = """
        DELETE FROM persons p
        USING (SELECT document_type, document_number, max(id) AS keep
               FROM persons WHERE document_number = ANY(@numbers) GROUP BY document_type, document_number) d
        WHERE p.document_type = d.document_type AND p.document_number = d.document_number AND p.id <> d.keep
        """;

    public static async Task<LoadCounts?> LoadAsync(
        NpgsqlConnection connection, IEnumerable<PersonRow> rows, DateTimeOffset now, IProgress<long>? progress, Func<bool> proceed, CancellationToken ct)
    {
        var indexes = await PostgresPersonLoader.IndexesAsync(connection, includeUnique: true, ct);
        foreach (var (name, _) in indexes)
        {
            await PostgresPersonLoader.ExecuteAsync(connection, $"DROP INDEX \"{name}\"", ct);
        }

        var residences = await PostgresResidenceMap.LoadAsync(connection, ct);
        var seen = new HashSet<ulong>();
        var repeated = new HashSet<string>(StringComparer.Ordinal);
        long count = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(Copy, ct))
        {
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();

                // 64-bit hashes keep a million documents in a few megabytes; a collision only costs a no-op delete below.
                if (!seen.Add(Hash(row)))
                {
                    repeated.Add(row.DocumentNumber);
                }

                var (compound, building, unit) = residences.Resolve(row);
                importer.StartRow();
                importer.Write(row.DocumentType.ToString(), NpgsqlDbType.Varchar);
                importer.Write(row.DocumentNumber, NpgsqlDbType.Varchar);
                importer.Write(row.Name, NpgsqlDbType.Varchar);
                importer.Write(row.Sex.ToString(), NpgsqlDbType.Varchar);
                PostgresPersonLoader.WriteNullable(importer, row.BirthDate);
                PostgresPersonLoader.WriteText(importer, row.Phone);
                importer.Write(row.RegionCode, NpgsqlDbType.Varchar);
                WriteId(importer, compound);
                WriteId(importer, building);
                WriteId(importer, unit);
                PostgresPersonLoader.WriteText(importer, row.Room);
                PostgresPersonLoader.WriteText(importer, row.HouseholdNo);
                importer.Write((row.HealthCode ?? HealthCode.Green).ToString(), NpgsqlDbType.Varchar);
                importer.Write(now, NpgsqlDbType.TimestampTz);
                if (++count % PersonBulkLoader.ProgressInterval == 0)
                {
                    progress?.Report(count);
                }
            }

            await importer.CompleteAsync(ct);
        }

        progress?.Report(count);
        if (!proceed())
        {
            return null;
        }

        long removed = 0;
        if (repeated.Count > 0)
        {
            await using var dedupe = new NpgsqlCommand(KeepLastOfRepeated, connection) { CommandTimeout = 0 };
            dedupe.Parameters.Add(new NpgsqlParameter<string[]>("numbers", [.. repeated]));
            removed = await dedupe.ExecuteNonQueryAsync(ct);
        }

        await residences.SaveAsync(connection, ct);
        await PostgresPersonLoader.ExecuteAsync(connection, "SET LOCAL maintenance_work_mem = '256MB'", ct);
        foreach (var (_, definition) in indexes)
        {
            await PostgresPersonLoader.ExecuteAsync(connection, definition, ct);
        }

        return new LoadCounts(count, count - removed, residences.CompoundsCreated, residences.BuildingsCreated, residences.UnitsCreated);
    }

    /// <summary>FNV-1a over the document type and number.</summary>
    private static ulong Hash(PersonRow row)
    {
        var hash = 14695981039346656037UL ^ (ulong)row.DocumentType;
        foreach (var c in row.DocumentNumber)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static void WriteId(NpgsqlBinaryImporter importer, long? id)
    {
        if (id is { } value)
        {
            importer.Write(value, NpgsqlDbType.Bigint);
        }
        else
        {
            importer.WriteNull();
        }
    }
}
