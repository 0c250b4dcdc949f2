using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Fangkong.Persons;

/// <summary>
/// The PostgreSQL bulk path: binary COPY into a temporary staging table, then set-based SQL that
/// creates the missing compounds, buildings and units and upserts the persons in one statement.
/// A first population appends and rebuilds the indexes instead of maintaining them
/// (see <see cref="IsLargerThanTableAsync"/>). Runs inside the caller's transaction.
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

    // The distinct addresses of the file: a few thousand rows, where the file has hundreds of thousands.
    private const string CollectResidences = """
        CREATE TEMP TABLE residence_import ON COMMIT DROP AS
        SELECT DISTINCT region_code, compound, building, unit FROM person_import WHERE compound IS NOT NULL
        """;

    private const string InsertCompounds = """
        INSERT INTO compounds (region_code, name)
        SELECT DISTINCT region_code, compound FROM residence_import
        ON CONFLICT (region_code, name) DO NOTHING
        """;

    private const string InsertBuildings = """
        INSERT INTO buildings (compound_id, region_code, name)
        SELECT DISTINCT c.id, c.region_code, r.building
        FROM residence_import r JOIN compounds c ON c.region_code = r.region_code AND c.name = r.compound
        WHERE r.building IS NOT NULL
        ON CONFLICT (compound_id, name) DO NOTHING
        """;

    private const string InsertUnits = """
        INSERT INTO building_units (building_id, region_code, name)
        SELECT DISTINCT b.id, b.region_code, r.unit
        FROM residence_import r
        JOIN compounds c ON c.region_code = r.region_code AND c.name = r.compound
        JOIN buildings b ON b.compound_id = c.id AND b.name = r.building
        WHERE r.unit IS NOT NULL
        ON CONFLICT (building_id, name) DO NOTHING
        """;

    // Each address with its ids, keyed so that the persons join is one hash join on plain columns.
    private const string ResolveResidences = """
        CREATE TEMP TABLE residence_ids ON COMMIT DROP AS
        SELECT r.region_code, r.compound, COALESCE(r.building, '') AS building, COALESCE(r.unit, '') AS unit,
               c.id AS compound_id, b.id AS building_id, u.id AS unit_id
        FROM residence_import r
        JOIN compounds c ON c.region_code = r.region_code AND c.name = r.compound
        LEFT JOIN buildings b ON b.compound_id = c.id AND b.name = r.building
        LEFT JOIN building_units u ON u.building_id = b.id AND u.name = r.unit;
        ANALYZE residence_ids
        """;

    private const string PersonColumns = """
        document_type, document_number, name, sex, birth_date, phone, region_code,
        compound_id, building_id, building_unit_id, room, household_no, health_code, updated_at
        """;

    private const string StagedPersons = """
        s.document_type, s.document_number, s.name, s.sex, s.birth_date, s.phone, s.region_code,
        r.compound_id, r.building_id, r.unit_id, s.room, s.household_no, COALESCE(s.health_code, 'Green'), @now
        FROM person_import s
        LEFT JOIN residence_ids r ON r.region_code = s.region_code AND r.compound = s.compound
             AND r.building = COALESCE(s.building, '') AND r.unit = COALESCE(s.unit, '')
        """;

    // A document twice in the file, or a document already registered: the load must merge, not append.
    private const string NeedsMerge = """
        SELECT EXISTS (SELECT 1 FROM person_import GROUP BY document_type, document_number HAVING count(*) > 1)
            OR EXISTS (SELECT 1 FROM person_import s JOIN persons p ON p.document_type = s.document_type AND p.document_number = s.document_number)
        """;

    // Every person is new: a plain insert, and the caller has dropped the indexes to build them afresh.
    private const string InsertPersons = $"INSERT INTO persons ({PersonColumns}) SELECT {StagedPersons}";

    // DISTINCT ON keeps the last row of a document seen twice, as the row-by-row SQLite path does.
    // xmax = 0 marks a freshly inserted row (an updated one carries the updating transaction's id).
    private const string UpsertPersons = $"""
        WITH upserted AS (
            INSERT INTO persons ({PersonColumns})
            SELECT DISTINCT ON (s.document_type, s.document_number) {StagedPersons}
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
        if (await IsFirstPopulationAsync(connection, ct))
        {
            return await PostgresPersonAppender.LoadAsync(connection, rows, now, progress, proceed, ct);
        }

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

        // Lets sorts and index builds of a large file stay in memory (reset at the end of the transaction).
        await ExecuteAsync(connection, "SET LOCAL work_mem = '256MB'; SET LOCAL maintenance_work_mem = '256MB'", ct);
        if (missingHealthCodes)
        {
            await ExecuteAsync(connection, KeepHealthCodes, ct);
        }

        await ExecuteAsync(connection, CollectResidences, ct);
        var compounds = await ExecuteAsync(connection, InsertCompounds, ct);
        var buildings = await ExecuteAsync(connection, InsertBuildings, ct);
        var units = await ExecuteAsync(connection, InsertUnits, ct);
        await ExecuteAsync(connection, ResolveResidences, ct);

        // A first population (more rows than the table holds, none of them there yet) appends and
        // builds every index afresh by sorting; anything else merges and maintains the document key.
        var large = await IsLargerThanTableAsync(connection, count, ct);
        var append = large && !(bool)(await ScalarAsync(connection, NeedsMerge, ct))!;
        var rebuild = large ? await IndexesAsync(connection, includeUnique: append, ct) : [];
        foreach (var (name, _) in rebuild)
        {
            await ExecuteAsync(connection, $"DROP INDEX \"{name}\"", ct);
        }

        long inserted;
        await using (var write = new NpgsqlCommand(append ? InsertPersons : UpsertPersons, connection) { CommandTimeout = 0 })
        {
            write.Parameters.Add(new NpgsqlParameter<DateTimeOffset>("now", now));
            inserted = append ? await write.ExecuteNonQueryAsync(ct) : (long)(await write.ExecuteScalarAsync(ct))!;
        }

        foreach (var (_, definition) in rebuild)
        {
            await ExecuteAsync(connection, definition, ct);
        }

        return new LoadCounts(count, inserted, compounds, buildings, units);
    }

    /// <summary>
    /// True when persons is empty: then the rows can go straight into it (<see cref="PostgresPersonAppender"/>).
    /// The tables are locked first, so that nobody adds a person or an address meanwhile.
    /// </summary>
    private static async Task<bool> IsFirstPopulationAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var empty = new NpgsqlCommand("SELECT NOT EXISTS (SELECT 1 FROM persons)", connection);
        if (!(bool)(await empty.ExecuteScalarAsync(ct))!)
        {
            return false;
        }

        await ExecuteAsync(connection, "LOCK TABLE persons, compounds, buildings, building_units IN EXCLUSIVE MODE", ct);
        return (bool)(await empty.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// True when the load brings more rows than the persons table holds (a first population, a new
    /// city): then building indexes afresh by sorting is several times faster than maintaining them
    /// row by row. The price is an exclusive lock on persons until commit, which is why a load into
    /// a larger table keeps its indexes.
    /// </summary>
    private static async Task<bool> IsLargerThanTableAsync(NpgsqlConnection connection, long staged, CancellationToken ct)
    {
        await using var existing = new NpgsqlCommand("SELECT count(*) FROM (SELECT 1 FROM persons LIMIT @limit) p", connection);
        existing.Parameters.Add(new NpgsqlParameter<long>("limit", staged + 1));
        return (long)(await existing.ExecuteScalarAsync(ct))! < staged;
    }

    /// <summary>
    /// The indexes of persons to drop and rebuild (name, and definition as the server has it, so
    /// that the migrations stay the one source). The primary key always stays; the document key
    /// stays when the load merges, because the upsert needs it as its arbiter.
    /// </summary>
    internal static async Task<List<(string Name, string Definition)>> IndexesAsync(NpgsqlConnection connection, bool includeUnique, CancellationToken ct)
    {
        var result = new List<(string, string)>();
        await using var command = new NpgsqlCommand(
            "SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid "
            + "WHERE x.indrelid = 'persons'::regclass AND NOT x.indisprimary AND (@unique OR NOT x.indisunique)",
            connection);
        command.Parameters.Add(new NpgsqlParameter<bool>("unique", includeUnique));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            result.Add((reader.GetString(0), reader.GetString(1)));
        }

        return result;
    }

    internal static void WriteText(NpgsqlBinaryImporter importer, string? value)
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

    internal static void WriteNullable(NpgsqlBinaryImporter importer, DateOnly? value)
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

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteScalarAsync(ct);
    }

    internal static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        // No time limit: a city's worth of rows takes longer than the default 30 s; cancellation still applies.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        return await command.ExecuteNonQueryAsync(ct);
    }
}
