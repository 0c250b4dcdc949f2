using System.Diagnostics;
using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// The yardstick of an import: the same CSV file read with the same tokenizer and loaded raw, with
/// no checks and no lookups, into a plain table without indexes (created inside the timing):
/// binary COPY on PostgreSQL, prepared inserts in one transaction on SQLite. Values are only
/// converted as the table stores them, so a date or time that does not parse fails the run.
/// </summary>
internal static class CsvBaseline
{
    public const string PostgresName = "binary COPY of the same rows into an unindexed table";
    public const string SqliteName = "prepared inserts of the same rows in one transaction into an unindexed table";

    public enum Kind
    {
        Text,

        /// <summary>yyyy-MM-dd: <c>date</c> on PostgreSQL, ISO text on SQLite (as EF Core keeps dates).</summary>
        Date,

        /// <summary>A time with offset: <c>timestamptz</c> on PostgreSQL, UTC milliseconds on SQLite (as the Testing tables keep times).</summary>
        Time,
    }

    /// <summary>The raw table: its name and the file's columns in order.</summary>
    public sealed record Table(string Name, IReadOnlyList<(string Column, Kind Kind)> Columns);

    /// <summary>Loads the file (a header, then rows); returns the rows and the time taken.</summary>
    public static Task<(long Rows, TimeSpan Elapsed)> RunAsync(DatabaseSettings settings, Table table, string csv, CancellationToken ct) =>
        settings.Provider == DatabaseProvider.Postgres ? PostgresAsync(settings, table, csv, ct) : Task.FromResult(Sqlite(settings, table, csv, ct));

    private static string Create(Table table, bool postgres) =>
        $"CREATE TABLE {table.Name} ({string.Join(", ", table.Columns.Select(c => $"{c.Column} {SqlType(c.Kind, postgres)}"))})";

    private static string SqlType(Kind kind, bool postgres) => (kind, postgres) switch
    {
        (Kind.Date, true) => "date",
        (Kind.Time, true) => "timestamptz",
        (Kind.Time, false) => "INTEGER",
        _ => "text",
    };

    private static async Task<(long, TimeSpan)> PostgresAsync(DatabaseSettings settings, Table table, string csv, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(ct);
        await using (var drop = new NpgsqlCommand($"DROP TABLE IF EXISTS {table.Name}", connection))
        {
            await drop.ExecuteNonQueryAsync(ct);
        }

        var watch = Stopwatch.StartNew();
        await using (var create = new NpgsqlCommand(Create(table, postgres: true), connection))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        long rows = 0;
        await using (var importer = await connection.BeginBinaryImportAsync($"COPY {table.Name} FROM STDIN (FORMAT BINARY)", ct))
        {
            foreach (var fields in Rows(csv))
            {
                importer.StartRow();
                for (var i = 0; i < table.Columns.Count; i++)
                {
                    var value = i < fields.Count ? fields[i] : string.Empty;
                    switch (table.Columns[i].Kind)
                    {
                        case var _ when value.Length == 0:
                            importer.WriteNull();
                            break;
                        case Kind.Date:
                            importer.Write(ParseDate(value), NpgsqlDbType.Date);
                            break;
                        case Kind.Time:
                            importer.Write(ParseTime(value).ToUniversalTime(), NpgsqlDbType.TimestampTz);
                            break;
                        default:
                            importer.Write(value, NpgsqlDbType.Text);
                            break;
                    }
                }

                rows++;
            }

            await importer.CompleteAsync(ct);
        }

        return (rows, watch.Elapsed);
    }

    private static (long, TimeSpan) Sqlite(DatabaseSettings settings, Table table, string csv, CancellationToken ct)
    {
        using var connection = new SqliteConnection(settings.ConnectionString);
        connection.Open();
        using (var drop = new SqliteCommand($"DROP TABLE IF EXISTS {table.Name}", connection))
        {
            drop.ExecuteNonQuery();
        }

        var watch = Stopwatch.StartNew();
        using (var create = new SqliteCommand(Create(table, postgres: false), connection))
        {
            create.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction();
        using var insert = new SqliteCommand(
            $"INSERT INTO {table.Name} VALUES ({string.Join(", ", Enumerable.Range(0, table.Columns.Count).Select(i => $"$c{i}"))})", connection, transaction);
        var parameters = Enumerable.Range(0, table.Columns.Count).Select(i => insert.Parameters.Add(new SqliteParameter($"$c{i}", null))).ToArray();
        insert.Prepare();
        long rows = 0;
        foreach (var fields in Rows(csv))
        {
            ct.ThrowIfCancellationRequested();
            for (var i = 0; i < table.Columns.Count; i++)
            {
                var value = i < fields.Count ? fields[i] : string.Empty;
                parameters[i].Value = value.Length == 0 ? DBNull.Value : table.Columns[i].Kind switch
                {
                    Kind.Date => ParseDate(value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Kind.Time => ParseTime(value).ToUnixTimeMilliseconds(),
                    _ => value,
                };
            }

            insert.ExecuteNonQuery();
            rows++;
        }

        transaction.Commit();
        return (rows, watch.Elapsed);
    }

    private static DateOnly ParseDate(string value) => DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string value) => DateTimeOffset.Parse(value, CultureInfo.InvariantCulture);

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
