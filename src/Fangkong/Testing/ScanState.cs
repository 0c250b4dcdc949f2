using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

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
}
