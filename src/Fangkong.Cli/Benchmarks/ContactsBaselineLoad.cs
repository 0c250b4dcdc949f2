using System.Diagnostics;
using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// The yardstick for the contacts import: the same contacts file read with the same tokenizer and
/// loaded raw, with no checks, no plan versions and no lookups, into a plain table without
/// indexes: binary COPY on PostgreSQL, prepared inserts in one transaction on SQLite.
/// </summary>
internal static class ContactsBaselineLoad
{
    public const string PostgresName = "binary COPY of the same rows into an unindexed table";
    public const string SqliteName = "prepared inserts of the same rows in one transaction into an unindexed table";

    private const string Drop = "DROP TABLE IF EXISTS bench_contacts_baseline";

    // Columns 0–6 are text, 7–9 dates (exposure_on, identified_on, released_on), as in the file.
    private const int FirstDate = 7;
    private const int Fields = 10;

    /// <summary>Loads the file (header, then the ten documented columns); returns the rows and the time taken.</summary>
    public static Task<(long Rows, TimeSpan Elapsed)> RunAsync(DatabaseSettings settings, string csv, CancellationToken ct) =>
        settings.Provider == DatabaseProvider.Postgres ? PostgresAsync(settings, csv, ct) : Task.FromResult(Sqlite(settings, csv, ct));

    private static string CreateTable(string date) => $"""
        CREATE TABLE bench_contacts_baseline (
            contact_no text, kind text, source_case_no text, source_contact_no text, id_number text, name text, region_code text,
            exposure_on {date}, identified_on {date}, released_on {date})
        """;

    private static async Task<(long, TimeSpan)> PostgresAsync(DatabaseSettings settings, string csv, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var drop = new NpgsqlCommand(Drop, connection))
        {
            await drop.ExecuteNonQueryAsync(ct);
        }

        var watch = Stopwatch.StartNew();
        await using (var create = new NpgsqlCommand(CreateTable("date"), connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        long rows = 0;
        await using (var importer = await connection.BeginBinaryImportAsync("COPY bench_contacts_baseline FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var fields in Rows(csv))
            {
                importer.StartRow();
                for (var i = 0; i < Fields; i++)
                {
                    var value = i < fields.Count ? fields[i] : string.Empty;
                    if (value.Length == 0)
                    {
                        importer.WriteNull();
                    }
                    else if (i >= FirstDate)
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
        using var connection = new SqliteConnection(settings.ConnectionString);
        connection.Open();
        using (var drop = new SqliteCommand(Drop, connection))
        {
            drop.ExecuteNonQuery();
        }

        var watch = Stopwatch.StartNew();
        using (var create = new SqliteCommand(CreateTable("TEXT"), connection))
        {
            create.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var insert = new SqliteCommand(
            $"INSERT INTO bench_contacts_baseline VALUES ({string.Join(", ", Enumerable.Range(0, Fields).Select(i => $"$c{i}"))})", connection, transaction);
        var parameters = Enumerable.Range(0, Fields).Select(i => insert.Parameters.Add(new SqliteParameter($"$c{i}", null))).ToArray();
        insert.Prepare();
        long rows = 0;
        foreach (var fields in Rows(csv))
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < Fields; i++)
            {
                var value = i < fields.Count ? fields[i] : string.Empty;
                // Dates are checked as the PostgreSQL side parses them, and kept as ISO text as EF Core keeps them.
                parameters[i].Value = value.Length == 0 ? DBNull.Value
                    : i >= FirstDate ? DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                    : value;
            }

            insert.ExecuteNonQuery();
            rows++;
        }

        transaction.Commit();
        return (rows, watch.Elapsed);
    }

    private static IEnumerable<List<string>> Rows(string csv)
    {
        using var reader = new StreamReader(csv, System.Text.Encoding.UTF8);
        var tokenizer = new CsvTokenizer(reader);
        var fields = new List<string>();
        tokenizer.TryRead(fields);
        while (tokenizer.TryRead(fields))
        {
            yield return fields;
        }
    }
}
