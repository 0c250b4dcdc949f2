using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Testing;

/// <summary>
/// Records a batch of swabs from a sampling client. Each scan carries a client-generated id: a
/// batch sent again after a timeout finds its scans recorded and reports them as such, never
/// twice. Each scan is accepted or refused on its own (a full tube, the same person twice in a
/// tube, a tube already tested, a bad identity number), and the accepted ones are written together.
/// </summary>
public static class RecordScans
{
    public const int MaxBatch = 1_000;

    public sealed record Scan(string ClientId, string TubeBarcode, string IdNumber, DateTimeOffset SampledAt, string SamplingPoint, int? PoolSize = null, string? PointRegion = null);

    public enum Outcome
    {
        Recorded,
        AlreadyRecorded,
        Refused,
    }

    public sealed record ScanResult(string ClientId, Outcome Outcome, string? Reason, string? TubeBarcode, int? TubeCount);

    public static async Task<Result<IReadOnlyList<ScanResult>>> HandleAsync(
        FangkongDbContext db, long roundId, IReadOnlyList<Scan> scans, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(scans);
        if (scans.Count is 0 or > MaxBatch)
        {
            return Error.Invalid("scans", $"每批 1–{MaxBatch} 条 (A batch holds 1 to {MaxBatch} scans).");
        }

        var found = await RoundAccess.FindAsync(db, roundId, ct);
        if (!found.IsSuccess)
        {
            return found.Error!;
        }

        var round = found.Value!;

        var clientIds = scans.Select(s => s.ClientId).ToList();
        var known = await db.Samples.IgnoreQueryFilters().AsNoTracking()
            .Where(s => clientIds.Contains(s.ClientId))
            .Select(s => s.ClientId)
            .ToListAsync(ct);
        var recorded = known.ToHashSet(StringComparer.Ordinal);
        // Identity resolution only, in one query for the batch: the sampler records the swab of
        // anyone who comes, wherever registered, and sees nothing of the person.
        var documents = scans.Select(s => s.IdNumber?.Trim().ToUpperInvariant() ?? string.Empty).Distinct().ToList();
        var registered = (await db.Persons.IgnoreQueryFilters().AsNoTracking()
                .Where(p => p.DocumentType == DocumentType.ResidentId && documents.Contains(p.DocumentNumber))
                .Select(p => new { p.DocumentNumber, p.Id, p.RegionCode })
                .ToListAsync(ct))
            .ToDictionary(p => p.DocumentNumber, p => (p.Id, p.RegionCode), StringComparer.Ordinal);
        var tubes = new Dictionary<string, Tube>(StringComparer.Ordinal);
        var inTube = new Dictionary<long, HashSet<string>>();
        var results = new List<ScanResult>(scans.Count);
        var pending = new List<(Scan Scan, Tube Tube, long? PersonId, string Document, string? PersonRegion)>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        foreach (var scan in scans)
        {
            if (string.IsNullOrWhiteSpace(scan.ClientId) || scan.ClientId.Length > Sample.ClientIdMaxLength)
            {
                results.Add(new ScanResult(scan.ClientId ?? string.Empty, Outcome.Refused, $"客户端编号应为 1–{Sample.ClientIdMaxLength} 个字符 (clientId must have 1 to {Sample.ClientIdMaxLength} characters)", scan.TubeBarcode, null));
                continue;
            }

            if (!recorded.Add(scan.ClientId))
            {
                results.Add(new ScanResult(scan.ClientId, Outcome.AlreadyRecorded, null, scan.TubeBarcode, null));
                continue;
            }

            var refusal = await CheckAsync(db, round, scan, tubes, inTube, registered, ct);
            if (refusal.Reason is not null)
            {
                recorded.Remove(scan.ClientId);
                results.Add(new ScanResult(scan.ClientId, Outcome.Refused, refusal.Reason, scan.TubeBarcode, refusal.Tube?.SampleCount));
                continue;
            }

            var tube = refusal.Tube!;
            tube.AddSample();
            inTube[tube.Id].Add(refusal.Document!);
            pending.Add((scan, tube, refusal.PersonId, refusal.Document!, refusal.PersonRegion));
            results.Add(new ScanResult(scan.ClientId, Outcome.Recorded, null, tube.Barcode, tube.SampleCount));
        }

        foreach (var (scan, tube, personId, document, personRegion) in pending)
        {
            db.Samples.Add(new Sample(scan.ClientId, round.Id, tube.Id, tube.RegionCode, personId, document, personRegion, scan.SampledAt, db.Jurisdiction.UserName));
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);

        // Batches follow one another on one context in imports; what is written need not be tracked.
        db.ChangeTracker.Clear();
        return results;
    }

    private sealed record Check(string? Reason, Tube? Tube = null, long? PersonId = null, string? Document = null, string? PersonRegion = null);

    private static async Task<Check> CheckAsync(
        FangkongDbContext db,
        TestingRound round,
        Scan scan,
        Dictionary<string, Tube> tubes,
        Dictionary<long, HashSet<string>> inTube,
        Dictionary<string, (long Id, string RegionCode)> registered,
        CancellationToken ct)
    {
        if (!IdNumber.TryParse(scan.IdNumber, out var id, out var idError))
        {
            return new Check($"证件号码无效：{idError} (invalid identity number)");
        }

        var barcode = scan.TubeBarcode?.Trim() ?? string.Empty;
        if (barcode.Length is 0 or > Tube.BarcodeMaxLength)
        {
            return new Check($"试管条码应为 1–{Tube.BarcodeMaxLength} 个字符 (tube barcode must have 1 to {Tube.BarcodeMaxLength} characters)");
        }

        var tube = await TubeAsync(db, round, barcode, scan, tubes, inTube, ct);
        if (tube.Reason is not null)
        {
            return tube;
        }

        var t = tube.Tube!;
        if (t.Result is not null)
        {
            return new Check($"试管 {barcode} 已出结果，不能再采样 (tube {barcode} already has a result)", t);
        }

        if (t.IsFull)
        {
            return new Check($"试管 {barcode} 已满（{t.PoolSize} 人）(tube {barcode} is full: {t.PoolSize} of {t.PoolSize})", t);
        }

        if (inTube[t.Id].Contains(id.Value))
        {
            return new Check($"此人已在试管 {barcode} 中 (this person is already in tube {barcode})", t);
        }

        return registered.TryGetValue(id.Value, out var person)
            ? new Check(null, t, person.Id, id.Value, person.RegionCode)
            : new Check(null, t, null, id.Value, null);
    }

    private static async Task<Check> TubeAsync(
        FangkongDbContext db, TestingRound round, string barcode, Scan scan, Dictionary<string, Tube> tubes, Dictionary<long, HashSet<string>> inTube, CancellationToken ct)
    {
        if (tubes.TryGetValue(barcode, out var cached))
        {
            return new Check(null, cached);
        }

        var tube = await db.Tubes.IgnoreQueryFilters().FirstOrDefaultAsync(t => t.Barcode == barcode, ct);
        if (tube is null)
        {
            var size = scan.PoolSize ?? round.PoolSize;
            if (!PoolSizes.IsValid(size))
            {
                return new Check($"混管规格只能是 1、5、10 或 20 (pool size {size} is not one of 1, 5, 10, 20)");
            }

            var region = Regions.RegionCode.Normalise(scan.PointRegion) ?? DefaultPointRegion(db, round);
            if (!region.StartsWith(round.RegionCode, StringComparison.Ordinal) && !round.RegionCode.StartsWith(region, StringComparison.Ordinal))
            {
                return new Check($"采样点区划 {region} 不在本轮范围内 (the sampling point's region {region} is outside the round)");
            }

            tube = new Tube(round.Id, barcode, size, region, scan.SamplingPoint?.Trim() ?? string.Empty, scan.SampledAt);
            db.Tubes.Add(tube);
            await db.SaveChangesAsync(ct);
        }
        else if (tube.RoundId != round.Id)
        {
            return new Check($"试管 {barcode} 属于另一轮次 (tube {barcode} belongs to another round)");
        }

        if (scan.PoolSize is { } asked && asked != tube.PoolSize)
        {
            return new Check($"试管 {barcode} 是 {tube.PoolSize} 混 1，不是 {asked} 混 1 (tube {barcode} is a {tube.PoolSize}-in-1 tube, not {asked})", tube);
        }

        var members = await db.Samples.IgnoreQueryFilters().AsNoTracking().Where(s => s.TubeId == tube.Id).Select(s => s.DocumentNumber).ToListAsync(ct);
        inTube[tube.Id] = members.ToHashSet(StringComparer.Ordinal);
        tubes[barcode] = tube;
        return new Check(null, tube);
    }

    /// <summary>The sampler's own region when it lies inside the round, else the round's region.</summary>
    private static string DefaultPointRegion(FangkongDbContext db, TestingRound round) =>
        db.Jurisdiction.RegionPrefix.StartsWith(round.RegionCode, StringComparison.Ordinal) && db.Jurisdiction.RegionPrefix.Length > 0
            ? db.Jurisdiction.RegionPrefix
            : round.RegionCode;
}
