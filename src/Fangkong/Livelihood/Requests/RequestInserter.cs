using System.Data.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Fangkong.Livelihood.Requests;

/// <summary>
/// Writes imported requests inside the import's transaction, bypassing change tracking (binary COPY on
/// PostgreSQL, one prepared INSERT on SQLite): a day's file of a city holds 100,000 rows, which tracked
/// would write as many audit lines. The import has checked every row and writes one audit line.
/// </summary>
internal static class RequestInserter
{
    private static readonly string[] Columns =
    [
        "region_code", "placed", "compound_id", "source", "ticket_no", "kind", "urgency", "name", "phone", "id_number", "address", "description",
        "received_at", "received_by", "due_at", "state", "escalation_level", "version",
    ];

    public static async Task InsertAsync(FangkongDbContext db, IReadOnlyList<ResidentRequest> requests, CancellationToken ct)
    {
        var connection = db.Database.GetDbConnection();
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Requests are inserted inside the import's transaction.");
        if (connection is Microsoft.Data.Sqlite.SqliteConnection)
        {
            await InsertPreparedAsync(connection, transaction, requests, ct);
            return;
        }

        await using var copy = await ((Npgsql.NpgsqlConnection)connection).BeginBinaryImportAsync(
            $"COPY resident_requests ({string.Join(", ", Columns)}) FROM STDIN (FORMAT BINARY)", ct);
        foreach (var request in requests)
        {
            await BinaryCopyRow.WriteAsync(copy, Fields(request, sqlite: false), "resident_requests", ct);
        }

        await copy.CompleteAsync(ct);
    }

    private static async Task InsertPreparedAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<ResidentRequest> requests, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = $"INSERT INTO resident_requests ({string.Join(", ", Columns)}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"@p{i}"))})";
        var parameters = Columns.Select((_, i) =>
        {
            var p = command.CreateParameter();
            p.ParameterName = $"@p{i}";
            p.Value = DBNull.Value;
            return p;
        }).ToArray();
        command.Parameters.AddRange(parameters);
        await command.PrepareAsync(ct);
        foreach (var request in requests)
        {
            var fields = Fields(request, sqlite: true);
            for (var i = 0; i < fields.Length; i++)
            {
                parameters[i].Value = fields[i] ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>The row as each provider stores it: SQLite keeps this capability's times as UTC milliseconds and flags as 0/1.</summary>
    private static object?[] Fields(ResidentRequest r, bool sqlite) =>
    [
        r.RegionCode, sqlite ? (r.Placed ? 1L : 0L) : r.Placed, r.CompoundId, r.Source.ToString(), r.TicketNo, r.Kind.ToString(), r.Urgency.ToString(),
        r.Name, r.Phone, r.IdNumber, r.Address, r.Description,
        Time(r.ReceivedAt, sqlite), r.ReceivedBy, Time(r.DueAt, sqlite), r.State.ToString(), 0, 0L,
    ];

    private static object Time(DateTimeOffset at, bool sqlite) => sqlite ? at.ToUnixTimeMilliseconds() : at.ToUniversalTime();
}
