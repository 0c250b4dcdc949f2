using System.Diagnostics;
using System.Globalization;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// The yardstick the import is measured against: the same CSV read with the same tokenizer and
/// loaded raw, with no validation, no residences and no upsert, into a plain table without
/// indexes: binary COPY on PostgreSQL, prepared inserts in one transaction on SQLite.
/// </summary>
internal static class BaselineLoad
{
    public const string PostgresName = "binary COPY into an unindexed table";
    public const string SqliteName = "prepared inserts in one transaction into an unindexed table";

    private const string CreateTable = """
        CREATE TABLE bench_baseline (
            document_type text, document_number text, name text, sex text, birth_date date, phone text, region_code text,
            compound text, building text, unit text, room text, household_no text, health_code text)
        """;

    private static readonly PersonColumn[] TextColumns =
    [
        PersonColumn.IdNumber, PersonColumn.Name, PersonColumn.Sex, PersonColumn.BirthDate, PersonColumn.Phone, PersonColumn.RegionCode,
        PersonColumn.Compound, PersonColumn.Building, PersonColumn.Unit, PersonColumn.Room, PersonColumn.HouseholdNo, PersonColumn.HealthCode,
    ];

    /// <summary>Loads the file; returns the rows loaded and the time taken.</summary>
    public static Task<(long Rows, TimeSpan Elapsed)> RunAsync(DatabaseSettings settings, string csv, CancellationToken ct) =>
        settings.Provider == DatabaseProvider.Postgres ? PostgresAsync(settings, csv, ct) : Task.FromResult(Sqlite(settings, csv, ct));

    private static async Task<(long, TimeSpan)> PostgresAsync(DatabaseSettings settings, string csv, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var create = new NpgsqlCommand(CreateTable, connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        long rows = 0;
        using var reader = PersonCsvReader.Open(csv);
        await using (var importer = await connection.BeginBinaryImportAsync(
            "COPY bench_baseline (document_type, document_number, name, sex, birth_date, phone, region_code, compound, building, unit, room, household_no, health_code) FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var record in reader.ReadRecords())
            {
                importer.StartRow();
                importer.Write(record[PersonColumn.DocumentType] ?? nameof(DocumentType.ResidentId), NpgsqlDbType.Text);
                foreach (var column in TextColumns)
                {
                    var value = record[column];
                    if (value is null)
                    {
                        importer.WriteNull();
                    }
                    else if (column == PersonColumn.BirthDate)
                    {
                        importer.Write(DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture), NpgsqlDbType.Date);
                    }
                    else
                    {
                        importer.Write(value, NpgsqlDbType.Text);
                    }
                }

                rows++;
            }

            await importer.CompleteAsync(ct);
        }

        return (rows, watch.Elapsed);
    }

    private static (long, TimeSpan) Sqlite(DatabaseSettings settings, string csv, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var connection = new SqliteConnection(settings.ConnectionString);
        connection.Open();
        using (var create = new SqliteCommand(CreateTable, connection))
        {
            create.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var insert = new SqliteCommand(
            "INSERT INTO bench_baseline VALUES ($t, $c0, $c1, $c2, $c3, $c4, $c5, $c6, $c7, $c8, $c9, $c10, $c11)", connection, transaction);
        var type = insert.Parameters.Add(new SqliteParameter("$t", null));
        var parameters = TextColumns.Select((_, i) => insert.Parameters.Add(new SqliteParameter($"$c{i}", null))).ToArray();
        insert.Prepare();
        long rows = 0;
        using var reader = PersonCsvReader.Open(csv);
        foreach (var record in reader.ReadRecords())
        {
            ct.ThrowIfCancellationRequested();
            type.Value = record[PersonColumn.DocumentType] ?? nameof(DocumentType.ResidentId);
            for (var i = 0; i < TextColumns.Length; i++)
            {
                parameters[i].Value = (object?)record[TextColumns[i]] ?? DBNull.Value;
            }

            insert.ExecuteNonQuery();
            rows++;
        }

        transaction.Commit();
        return (rows, watch.Elapsed);
    }
}
