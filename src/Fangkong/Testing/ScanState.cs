using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace Fangkong.Testing;

/// <summary>
/// What a batch of swabs is checked against, read in a few set queries inside the batch's
/// transaction: the client ids already recorded, the tubes the batch names (locked on PostgreSQL,
/// so that two clients filling one tube take turns), who is in them, and who the swabbed are.
/// Then every swab is decided in memory, in the order it was taken.
/// </summary>
internal sealed class ScanState
{
    // Each list goes as one array parameter (EF.Parameter: a JSON array on SQLite, an array on
    // PostgreSQL), not EF's default of one parameter per element, which SQLite caps at 32,766.
    private const int QueryChunk = 50_000;

    private ScanState(HashSet<string> recorded, Dictionary<string, Tube> tubes, Dictionary<string, HashSet<string>> members, Dictionary<string, (long Id, string RegionCode)> persons)
    {
        Recorded = recorded;
        Tubes = tubes;
        Members = members;
        Persons = persons;
    }

    public HashSet<string> Recorded { get; }

    /// <summary>Tubes by barcode: those found, then those the batch opens.</summary>
    public Dictionary<string, Tube> Tubes { get; }

    /// <summary>The documents in each tube, by barcode.</summary>
    public Dictionary<string, HashSet<string>> Members { get; }

    public Dictionary<string, (long Id, string RegionCode)> Persons { get; }

    public static async Task<ScanState> LoadAsync(
        FangkongDbContext db, long roundId, IReadOnlyCollection<string> clientIds, IReadOnlyCollection<string> barcodes, IReadOnlyCollection<string> documents, CancellationToken ct)
    {
        if (db.Database.GetDbConnection() is NpgsqlConnection npgsql && clientIds.Count <= PostgresSampleInserts.MaxRows)
        {
            return await LoadConsoleBatchAsync(db, npgsql, roundId, clientIds, barcodes, documents, ct);
        }

        // Batches that name a common tube take turns from here on, and each reads what the one
        // before it wrote: a batch sent again after a timeout or a server crash, while the first
        // is still running, then finds its own swabs recorded instead of deciding them anew
        // (which would refuse them as "already in the tube"). SQLite's transaction already holds
        // the one writer lock.
        await ScanLocks.TakeAsync(db, barcodes, ct);

        // Client ids are unique per round (migration 0135): the query names the round, so that on
        // PostgreSQL it reads the round's partition only.
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in clientIds.Chunk(QueryChunk))
        {
            recorded.UnionWith(await db.Samples.BypassJurisdiction(BypassReason.SamplingPointScan).AsNoTracking()
                .Where(s => s.RoundId == roundId && EF.Parameter(chunk).Contains(s.ClientId)).Select(s => s.ClientId).ToListAsync(ct));
        }

        var tubes = new Dictionary<string, Tube>(StringComparer.Ordinal);
        foreach (var chunk in barcodes.Chunk(QueryChunk))
        {
            var query = db.Database.IsNpgsql()
                ? db.Tubes.FromSql($"SELECT * FROM tubes WHERE barcode = ANY({chunk}) ORDER BY id FOR UPDATE")
                : db.Tubes.Where(t => EF.Parameter(chunk).Contains(t.Barcode));
            foreach (var tube in await query.BypassJurisdiction(BypassReason.SamplingPointScan).AsNoTracking().ToListAsync(ct))
            {
                tubes[tube.Barcode] = tube;
            }
        }

        // A tube of another round is refused before its members matter, so only this round's
        // partition is read.
        var members = tubes.Keys.ToDictionary(b => b, _ => new HashSet<string>(StringComparer.Ordinal), StringComparer.Ordinal);
        var barcodeOf = tubes.Values.ToDictionary(t => t.Id, t => t.Barcode);
        foreach (var chunk in barcodeOf.Keys.Chunk(QueryChunk))
        {
            var inTubes = await db.Samples.BypassJurisdiction(BypassReason.SamplingPointScan).AsNoTracking().Where(s => s.RoundId == roundId && EF.Parameter(chunk).Contains(s.TubeId)).Select(s => new { s.TubeId, s.DocumentNumber }).ToListAsync(ct);
            foreach (var sample in inTubes)
            {
                members[barcodeOf[sample.TubeId]].Add(sample.DocumentNumber);
            }
        }

        // Identity resolution only: the sampler records the swab of anyone who comes, wherever
        // registered, and sees nothing of the person.
        var persons = new Dictionary<string, (long, string)>(documents.Count, StringComparer.Ordinal);
        foreach (var chunk in documents.Chunk(QueryChunk))
        {
            var found = await db.Persons.BypassJurisdiction(BypassReason.SamplingPointScan).AsNoTracking()
                .Where(p => p.DocumentType == DocumentType.ResidentId && EF.Parameter(chunk).Contains(p.DocumentNumber))
                .Select(p => new { p.DocumentNumber, p.Id, p.RegionCode })
                .ToListAsync(ct);
            foreach (var person in found)
            {
                persons[person.DocumentNumber] = (person.Id, person.RegionCode);
            }
        }

        return new ScanState(recorded, tubes, members, persons);
    }

    /// <summary>
    /// A console's batch on PostgreSQL in two round trips instead of five: the barcode locks, the
    /// client ids recorded, who is in the named tubes and who the swabbed are go as one
    /// <see cref="NpgsqlBatch"/> (its statements run in order, so the reads come after the locks,
    /// as above), then the tubes themselves, locked, through EF. Same reads, same order of locks.
    /// </summary>
    private static async Task<ScanState> LoadConsoleBatchAsync(
        FangkongDbContext db, NpgsqlConnection connection, long roundId, IReadOnlyCollection<string> clientIds, IReadOnlyCollection<string> barcodes,
        IReadOnlyCollection<string> documents, CancellationToken ct)
    {
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        var members = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var persons = new Dictionary<string, (long, string)>(documents.Count, StringComparer.Ordinal);
        await using (var batch = new NpgsqlBatch(connection))
        {
            batch.BatchCommands.Add(ScanLocks.Command(barcodes));
            batch.BatchCommands.Add(Command(
                "SELECT client_id FROM samples WHERE round_id = @round AND client_id = ANY(@ids)",
                ("round", roundId, NpgsqlDbType.Bigint), ("ids", clientIds.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)));
            batch.BatchCommands.Add(Command(
                "SELECT t.barcode, s.document_number FROM tubes t JOIN samples s ON s.tube_id = t.id AND s.round_id = @round WHERE t.barcode = ANY(@barcodes)",
                ("round", roundId, NpgsqlDbType.Bigint), ("barcodes", barcodes.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)));
            batch.BatchCommands.Add(Command(
                "SELECT document_number, id, region_code FROM persons WHERE document_type = @type AND document_number = ANY(@documents)",
                ("type", nameof(DocumentType.ResidentId), NpgsqlDbType.Text), ("documents", documents.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Text)));
            await using var reader = await batch.ExecuteReaderAsync(ct);
            await reader.NextResultAsync(ct); // the locks
            while (await reader.ReadAsync(ct))
            {
                recorded.Add(reader.GetString(0));
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var barcode = reader.GetString(0);
                (members.TryGetValue(barcode, out var set) ? set : members[barcode] = new HashSet<string>(StringComparer.Ordinal)).Add(reader.GetString(1));
            }

            await reader.NextResultAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                persons[reader.GetString(0)] = (reader.GetInt64(1), reader.GetString(2));
            }
        }

        var tubes = new Dictionary<string, Tube>(StringComparer.Ordinal);
        var named = barcodes.ToArray();
        foreach (var tube in await db.Tubes.FromSql($"SELECT * FROM tubes WHERE barcode = ANY({named}) ORDER BY id FOR UPDATE")
            .BypassJurisdiction(BypassReason.SamplingPointScan).AsNoTracking().ToListAsync(ct))
        {
            tubes[tube.Barcode] = tube;
            members.TryAdd(tube.Barcode, new HashSet<string>(StringComparer.Ordinal));
        }

        // Members only of tubes found (a tube is found by its barcode, as its members were).
        foreach (var barcode in members.Keys.Where(b => !tubes.ContainsKey(b)).ToList())
        {
            members.Remove(barcode);
        }

        return new ScanState(recorded, tubes, members, persons);
    }

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object Value, NpgsqlDbType Type)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value, type) in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value });
        }

        return command;
    }
}
