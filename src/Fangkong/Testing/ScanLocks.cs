using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Fangkong.Testing;

/// <summary>
/// Transaction-scoped PostgreSQL advisory locks on the barcodes a scan batch names, taken in one
/// order so that two batches never wait on each other in a cycle. A row lock cannot serve: a tube
/// a batch is about to open has no row yet, and two batches opening it would both decide before
/// either wrote (the unique index then refuses one, which has to decide again).
/// </summary>
internal static class ScanLocks
{
    /// <summary>The first key of the two-key lock space: "a tube barcode", apart from other advisory locks.</summary>
    private const int TubeBarcodeSpace = 0x54554245; // "TUBE"

    public static async Task TakeAsync(FangkongDbContext db, IReadOnlyCollection<string> barcodes, CancellationToken ct)
    {
        if (barcodes.Count == 0 || db.Database.GetDbConnection() is not NpgsqlConnection connection)
        {
            return;
        }

        await using var batch = new NpgsqlBatch(connection) { BatchCommands = { Command(barcodes) } };
        await batch.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The statement that takes the locks, to send alone or first in a batch of reads.</summary>
    public static NpgsqlBatchCommand Command(IReadOnlyCollection<string> barcodes)
    {
        // hashtext may map two barcodes to one key: those batches then take turns needlessly, never wrongly.
        var command = new NpgsqlBatchCommand(
            "SELECT pg_advisory_xact_lock(@space, k) FROM (SELECT DISTINCT hashtext(b) AS k FROM unnest(@barcodes) AS b ORDER BY 1) AS keys");
        command.Parameters.AddWithValue("space", TubeBarcodeSpace);
        command.Parameters.AddWithValue("barcodes", barcodes.ToArray());
        return command;
    }
}
