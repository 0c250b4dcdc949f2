using System.Diagnostics;
using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// The yardstick for the sampling import: the same scans file read with the same tokenizer and
/// loaded raw, with no checks, no tubes and no identities, into a plain table without indexes:
/// binary COPY on PostgreSQL, prepared inserts in one transaction on SQLite.
/// </summary>
internal static class ScanBaselineLoad
{
    public const string PostgresName = "binary COPY of the same rows into an unindexed table";
    public const string SqliteName = "prepared inserts of the same rows in one transaction into an unindexed table";

    private const string Drop = "DROP TABLE IF EXISTS bench_scan_baseline";

    /// <summary>Loads the file (header, then tube_barcode,id_number,sampled_at,sampling_point); returns the rows and the time taken.</summary>
    public static Task<(long Rows, TimeSpan Elapsed)> RunAsync(DatabaseSettings settings, string csv, CancellationToken ct) =>
        settings.Provider == DatabaseProvider.Postgres ? PostgresAsync(settings, csv, ct) : Task.FromResult(Sqlite(settings, csv, ct));

    private static async Task<(long, TimeSpan)> PostgresAsync(DatabaseSettings settings, string csv, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var drop = new NpgsqlCommand(Drop, connection))
        {
            await drop.ExecuteNonQueryAsync(ct);
        }

        var watch = Stopwatch.StartNew();
        await using (var create = new NpgsqlCommand("CREATE TABLE bench_scan_baseline (tube_barcode text, id_number text, sampled_at timestamptz, sampling_point text)", connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        long rows = 0;
        await using (var importer = await connection.BeginBinaryImportAsync("COPY bench_scan_baseline FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var fields in Rows(csv))
            {
                importer.StartRow();
                importer.Write(fields[0], NpgsqlDbType.Text);
                importer.Write(fields[1], NpgsqlDbType.Text);
                importer.Write(DateTimeOffset.Parse(fields[2], CultureInfo.InvariantCulture).ToUniversalTime(), NpgsqlDbType.TimestampTz);
                importer.Write(fields[3], NpgsqlDbType.Text);
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
        using (var create = new SqliteCommand("CREATE TABLE bench_scan_baseline (tube_barcode TEXT, id_number TEXT, sampled_at INTEGER, sampling_point TEXT)", connection))
        {
            create.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var insert = new SqliteCommand("INSERT INTO bench_scan_baseline VALUES ($b, $d, $t, $p)", connection, transaction);
        var parameters = new[] { "$b", "$d", "$t", "$p" }.Select(n => insert.Parameters.Add(new SqliteParameter(n, null))).ToArray();
        insert.Prepare();
        long rows = 0;
        foreach (var fields in Rows(csv))
        {
            ct.ThrowIfCancellationRequested();
            parameters[0].Value = fields[0];
            parameters[1].Value = fields[1];
            parameters[2].Value = DateTimeOffset.Parse(fields[2], CultureInfo.InvariantCulture).ToUnixTimeMilliseconds();
            parameters[3].Value = fields[3];
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
