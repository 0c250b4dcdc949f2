using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Fangkong.Persons;

/// <summary>
/// The PostgreSQL bulk path: binary COPY into a temporary staging table, then set-based SQL that
/// creates the missing compounds, buildings and units and upserts the persons in one statement.
/// A load larger than the table rebuilds the secondary indexes instead of maintaining them
/// (see <see cref="SecondaryIndexesToRebuildAsync"/>). Runs inside the caller's transaction.
/// </summary>
internal static class PostgresPersonLoader
{
    private const string CreateStaging = """
        CREATE TEMP TABLE person_import (
            seq bigint NOT NULL,
            document_type text NOT NULL,
            document_number text NOT NULL,
            name text NOT NULL,
            sex text NOT NULL,
            birth_date date,
            phone text,
            region_code text NOT NULL,
            compound text,
            building text,
            unit text,
            room text,
            household_no text,
            health_code text
        ) ON COMMIT DROP
        """;

    private const string Copy = """
        COPY person_import (seq, document_type, document_number, name, sex, birth_date, phone, region_code,
                            compound, building, unit, room, household_no, health_code) FROM STDIN (FORMAT BINARY)
        """;

    // A row without a health code keeps the colour the person has (a roster update must not turn red to green).
    private const string KeepHealthCodes = """
        UPDATE person_import s SET health_code = p.health_code
        FROM persons p
        WHERE s.health_code IS NULL AND p.document_type = s.document_type AND p.document_number = s.document_number
        """;

    private const string InsertCompounds = """
        INSERT INTO compounds (region_code, name)
        SELECT DISTINCT region_code, compound FROM person_import WHERE compound IS NOT NULL
        ON CONFLICT (region_code, name) DO NOTHING
        """;

    private const string InsertBuildings = """
        INSERT INTO buildings (compound_id, region_code, name)
        SELECT DISTINCT c.id, c.region_code, s.building
        FROM person_import s JOIN compounds c ON c.region_code = s.region_code AND c.name = s.compound
        WHERE s.building IS NOT NULL
        ON CONFLICT (compound_id, name) DO NOTHING
        """;

    private const string InsertUnits = """
        INSERT INTO building_units (building_id, region_code, name)
        SELECT DISTINCT b.id, b.region_code, s.unit
        FROM person_import s
        JOIN compounds c ON c.region_code = s.region_code AND c.name = s.compound
        JOIN buildings b ON b.compound_id = c.id AND b.name = s.building
        WHERE s.unit IS NOT NULL
        ON CONFLICT (building_id, name) DO NOTHING
        """;

    // DISTINCT ON keeps the last row of a document seen twice, as the row-by-row SQLite path does.
    // xmax = 0 marks a freshly inserted row (an updated one carries the updating transaction's id).
    private const string UpsertPersons = """
        WITH upserted AS (
            INSERT INTO persons (document_type, document_number, name, sex, birth_date, phone, region_code,
                                 compound_id, building_id, building_unit_id, room, household_no, health_code, updated_at)
            SELECT DISTINCT ON (s.document_type, s.document_number)
                   s.document_type, s.document_number, s.name, s.sex, s.birth_date, s.phone, s.region_code,
                   c.id, b.id, u.id, s.room, s.household_no, COALESCE(s.health_code, 'Green'), @now
            FROM person_import s
            LEFT JOIN compounds c ON c.region_code = s.region_code AND c.name = s.compound
            LEFT JOIN buildings b ON b.compound_id = c.id AND b.name = s.building
            LEFT JOIN building_units u ON u.building_id = b.id AND u.name = s.unit
            ORDER BY s.document_type, s.document_number, s.seq DESC
            ON CONFLICT (document_type, document_number) DO UPDATE SET
                name = excluded.name, sex = excluded.sex, birth_date = excluded.birth_date, phone = excluded.phone,
                region_code = excluded.region_code, compound_id = excluded.compound_id, building_id = excluded.building_id,
                building_unit_id = excluded.building_unit_id, room = excluded.room, household_no = excluded.household_no,
                health_code = excluded.health_code, updated_at = excluded.updated_at
            RETURNING (xmax = 0) AS inserted)
        SELECT count(*) FILTER (WHERE inserted) FROM upserted
        """;

    public static async Task<LoadCounts?> LoadAsync(FangkongDbContext db, IEnumerable<PersonRow> rows, DateTimeOffset now, IProgress<long>? progress, Func<bool> proceed, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await ExecuteAsync(connection, CreateStaging, ct);
        long count = 0;
        var missingHealthCodes = false;
        await using (var importer = await connection.BeginBinaryImportAsync(Copy, ct))
        {
            // Synchronous writes: the rows come from a synchronous stream and Npgsql buffers them.
            foreach (var row in rows)
            {
                ct.ThrowIfCancellationRequested();
                importer.StartRow();
                importer.Write(count, NpgsqlDbType.Bigint);
                importer.Write(row.DocumentType.ToString(), NpgsqlDbType.Text);
                importer.Write(row.DocumentNumber, NpgsqlDbType.Text);
                importer.Write(row.Name, NpgsqlDbType.Text);
                importer.Write(row.Sex.ToString(), NpgsqlDbType.Text);
                WriteNullable(importer, row.BirthDate);
                WriteText(importer, row.Phone);
                importer.Write(row.RegionCode, NpgsqlDbType.Text);
                WriteText(importer, row.Compound);
                WriteText(importer, row.Compound is null ? null : row.Building);
                WriteText(importer, row.Compound is null || row.Building is null ? null : row.Unit);
                WriteText(importer, row.Room);
                WriteText(importer, row.HouseholdNo);
                WriteText(importer, row.HealthCode?.ToString());
                missingHealthCodes |= row.HealthCode is null;
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

        // Temporary tables are never auto-analysed; without statistics the joins below plan badly.
        await ExecuteAsync(connection, "ANALYZE person_import", ct);

        // Lets the DISTINCT ON sort of a large file stay in memory (reset at the end of the transaction).
        await ExecuteAsync(connection, "SET LOCAL work_mem = '256MB'", ct);
        if (missingHealthCodes)
        {
            await ExecuteAsync(connection, KeepHealthCodes, ct);
        }

        var compounds = await ExecuteAsync(connection, InsertCompounds, ct);
        var buildings = await ExecuteAsync(connection, InsertBuildings, ct);
        var units = await ExecuteAsync(connection, InsertUnits, ct);
        var rebuild = await SecondaryIndexesToRebuildAsync(connection, count, ct);
        foreach (var (name, _) in rebuild)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"", ct);
        }

        await using var upsert = new NpgsqlCommand(UpsertPersons, connection) { CommandTimeout = 0 };
        upsert.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
        var inserted = (long)(await upsert.ExecuteScalarAsync(ct))!;
        if (rebuild.Count > 0)
        {
            await ExecuteAsync(connection, "SET LOCAL maintenance_work_mem = '256MB'", ct);
            foreach (var (_, definition) in rebuild)
            {
                await ExecuteAsync(connection, definition, ct);
            }
        }

        return new LoadCounts(count, inserted, compounds, buildings, units);
    }

    /// <summary>
    /// When the load brings more rows than the persons table holds (a first population, a new
    /// city), building the secondary indexes afresh by sorting is about twice as fast as
    /// maintaining them row by row; this returns them (name, and definition as the server has it,
    /// so that the migrations stay the one source) to drop before the upsert and recreate after it,
    /// in the same transaction. The primary key and the document key (the upsert's arbiter) stay.
    /// The price is an exclusive lock on persons until commit, which is why a load into a larger
    /// table keeps the indexes.
    /// </summary>
    private static async Task<List<(string Name, string Definition)>> SecondaryIndexesToRebuildAsync(NpgsqlConnection connection, long staged, CancellationToken ct)
    {
        var result = new List<(string, string)>();
        await using (var existing = new NpgsqlCommand("SELECT count(*) FROM (SELECT 1 FROM persons LIMIT @limit) p", connection))
        {
            existing.Parameters.Add(new NpgsqlParameter<long>("limit", staged + 1));
            if ((long)(await existing.ExecuteScalarAsync(ct))! >= staged)
            {
                return result;
            }
        }

        await using var command = new NpgsqlCommand(
            "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
            + "WHERE x.indrelid = 'persons'::regclass AND NOT x.indisprimary AND NOT x.indisunique",
            connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add((reader.GetString(0), reader.GetString(1)));
        }

        return result;
    }

    private static void WriteText(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null)
        {
            importer.WriteNull();
        }
        else
        {
            importer.Write(value, NpgsqlDbType.Text);
        }
    }

    private static void WriteNullable(NpgsqlBinaryImporter importer, DateOnly? value)
    {
        if (value is { } date)
        {
            importer.Write(date, NpgsqlDbType.Date);
        }
        else
        {
            importer.WriteNull();
        }
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        // No time limit: a city's worth of rows takes longer than the default 30 s; cancellation still applies.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteNonQueryAsync(ct);
    }
}
