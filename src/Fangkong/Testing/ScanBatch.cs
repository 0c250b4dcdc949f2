using Fangkong.Auditing;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using static Fangkong.Testing.RecordScans;

namespace Fangkong.Testing;

/// <summary>
/// The one path every swab takes, from a sampling client's batch of ten or a team's file of a
/// million: checks that need no database first, then the state the batch touches read in a few
/// set queries (<see cref="ScanState"/>), each swab decided in memory in the order it came, and
/// the accepted ones written in bulk (<see cref="SampleWriter"/>) with one audit line, in one
/// transaction. Swabs are accepted or refused one by one: a sampler must know which swab to redo.
/// </summary>
internal static class ScanBatch
{
    private sealed record Checked(int Index, Scan Scan, string? Document, string? Barcode, string? PointRegion, string? Refusal, long? PointId = null);

    private sealed record Point(long Id, string Name, string RegionCode);

    /// <summary>A batch decided on state that changed before it was written, at most this many times.</summary>
    private const int MaxAttempts = 3;

    public static async Task<IReadOnlyList<ScanResult>> RecordAsync(FangkongDbContext db, TestingRound round, IReadOnlyList<Scan> scans, CancellationToken ct)
    {
        var pointRegion = DefaultPointRegion(db, round);
        var points = await RegisteredPointsAsync(db, round, scans, ct);
        var items = scans.Select((s, i) => Check(db, round, pointRegion, points, s, i)).ToList();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await RecordCheckedAsync(db, round, items, ct);
            }
            catch (Exception e) when (attempt < MaxAttempts && IsLostRace(e))
            {
                // The batch's transaction is rolled back (nothing of it is written): read the
                // state again and decide once more, when the race's winner is seen.
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Another client opened one of this batch's new tubes, or sent the same swab, at the same
    /// moment (a unique key); or a lab's result reached a tube this batch was filling (<see cref="TubeFill"/>).
    /// </summary>
    private static bool IsLostRace(Exception e) =>
        e is TubeFill.ResultArrivedException or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation };

    private static async Task<IReadOnlyList<ScanResult>> RecordCheckedAsync(FangkongDbContext db, TestingRound round, List<Checked> items, CancellationToken ct)
    {
        var valid = items.Where(i => i.Refusal is null).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var state = await ScanState.LoadAsync(
            db,
            round.Id,
            valid.Select(i => i.Scan.ClientId).Distinct(StringComparer.Ordinal).ToList(),
            valid.Select(i => i.Barcode!).Distinct(StringComparer.Ordinal).ToList(),
            valid.Select(i => i.Document!).Distinct(StringComparer.Ordinal).ToList(),
            ct);

        var results = new ScanResult[items.Count];
        var opened = new List<Tube>();
        var touched = new HashSet<Tube>(ReferenceEqualityComparer.Instance);
        var accepted = new List<SampleWriter.Row>(valid.Count);
        foreach (var item in items)
        {
            results[item.Index] = item.Refusal is not null
                ? Refused(item, item.Refusal, null)
                : Decide(db, round, state, item, opened, touched, accepted);
        }

        if (accepted.Count > 0)
        {
            await SampleWriter.WriteAsync(db, round.Id, Sampler(db), opened, touched.Where(t => t.Id != 0).ToList(), accepted, ct);
            await Tallies.RoundTallyWriter.SwabbedAsync(db, round.Id, accepted, ct);
            // The audit line's save needs no savepoint of its own (two more round trips per batch):
            // if it fails, the whole batch's transaction rolls back with it.
            db.Database.AutoSavepointsEnabled = false;
            try
            {
                await db.AuditBulkAsync(
                    AuditActions.Insert,
                    nameof(Sample),
                    $"round {round.Id}: {accepted.Count} swab(s) recorded in {touched.Count} tube(s), {opened.Count} opened; client ids {accepted[0].ClientId} … {accepted[^1].ClientId}",
                    ct);
            }
            finally
            {
                db.Database.AutoSavepointsEnabled = true;
            }
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        Common.FangkongMetrics.Swabs(accepted.Count, results.Count(r => r.Outcome == Outcome.Refused));
        return results;
    }

    private static ScanResult Decide(
        FangkongDbContext db, TestingRound round, ScanState state, Checked item, List<Tube> opened, HashSet<Tube> touched, List<SampleWriter.Row> accepted)
    {
        var scan = item.Scan;
        var barcode = item.Barcode!;
        if (!state.Recorded.Add(scan.ClientId))
        {
            return new ScanResult(scan.ClientId, Outcome.AlreadyRecorded, null, barcode, null);
        }

        if (!state.Tubes.TryGetValue(barcode, out var tube))
        {
            tube = new Tube(round.Id, barcode, scan.PoolSize ?? round.PoolSize, item.PointRegion!, scan.SamplingPoint?.Trim() ?? string.Empty, scan.SampledAt);
            if (item.PointId is { } pointId)
            {
                tube.OpenedAtPoint(pointId);
            }

            state.Tubes[barcode] = tube;
            state.Members[barcode] = new HashSet<string>(StringComparer.Ordinal);
            opened.Add(tube);
        }

        // A tube opened outside the jurisdiction is refused before anything else is said about it (its round, its count).
        var outside = !tube.RegionCode.StartsWith(db.Jurisdiction.RegionPrefix, StringComparison.Ordinal);
        var refusal = outside ? ScanRefusals.TubeOutsideJurisdiction(barcode)
            : tube.RoundId != round.Id ? ScanRefusals.OtherRound(barcode)
            : scan.PoolSize is { } asked && asked != tube.PoolSize ? ScanRefusals.SizeMismatch(barcode, tube.PoolSize, asked)
            : tube.Result is not null ? ScanRefusals.HasResult(barcode)
            : tube.IsFull ? ScanRefusals.Full(barcode, tube.PoolSize)
            : state.Members[barcode].Contains(item.Document!) ? ScanRefusals.Repeated(barcode)
            : null;
        if (refusal is not null)
        {
            state.Recorded.Remove(scan.ClientId);
            return Refused(item, refusal, tube.RoundId == round.Id && !outside ? tube.SampleCount : null);
        }

        tube.AddSample();
        touched.Add(tube);
        state.Members[barcode].Add(item.Document!);
        var person = state.Persons.TryGetValue(item.Document!, out var p) ? p : ((long, string)?)null;
        accepted.Add(new SampleWriter.Row(scan.ClientId, tube, person?.Item1, item.Document!, person?.Item2, scan.SampledAt.ToUniversalTime()));
        return new ScanResult(scan.ClientId, Outcome.Recorded, null, barcode, tube.SampleCount);
    }

    private static ScanResult Refused(Checked item, string reason, int? count) =>
        new(item.Scan.ClientId ?? string.Empty, Outcome.Refused, reason, item.Barcode ?? item.Scan.TubeBarcode, count);

    /// <summary>What can be refused without the database, so that a batch's queries carry only usable swabs.</summary>
    private static Checked Check(FangkongDbContext db, TestingRound round, string defaultRegion, Dictionary<string, Point> points, Scan scan, int index)
    {
        Checked Refuse(string reason) => new(index, scan, null, scan.TubeBarcode?.Trim(), null, reason);

        if (string.IsNullOrWhiteSpace(scan.ClientId) || scan.ClientId.Length > Sample.ClientIdMaxLength)
        {
            return Refuse(ScanRefusals.ClientId());
        }

        if (!IdNumber.TryParse(scan.IdNumber, out var id, out var idError))
        {
            return Refuse(ScanRefusals.IdNumber(idError));
        }

        var barcode = scan.TubeBarcode?.Trim() ?? string.Empty;
        if (barcode.Length is 0 or > Tube.BarcodeMaxLength)
        {
            return Refuse(ScanRefusals.Barcode());
        }

        if (scan.PoolSize is { } size && !PoolSizes.IsValid(size))
        {
            return Refuse(ScanRefusals.PoolSize(size));
        }

        var point = points.GetValueOrDefault(scan.SamplingPoint?.Trim() ?? string.Empty);
        var region = Regions.RegionCode.Normalise(scan.PointRegion) ?? point?.RegionCode ?? defaultRegion;
        if (!round.Concerns(region))
        {
            return Refuse(ScanRefusals.PointOutsideRound(region));
        }

        if (!region.StartsWith(db.Jurisdiction.RegionPrefix, StringComparison.Ordinal))
        {
            return Refuse(ScanRefusals.PointOutsideJurisdiction(region));
        }

        return new Checked(index, scan, id.Value, barcode, region, null, point?.RegionCode == region ? point.Id : null);
    }

    /// <summary>
    /// The registered points the batch names, among those the caller sees inside the round's area;
    /// where two regions have a point of one name, the most local one (a team's file names its own).
    /// </summary>
    private static async Task<Dictionary<string, Point>> RegisteredPointsAsync(FangkongDbContext db, TestingRound round, IReadOnlyList<Scan> scans, CancellationToken ct)
    {
        var names = scans.Select(s => s.SamplingPoint?.Trim() ?? string.Empty).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0)
        {
            return [];
        }

        var found = await db.SamplingPoints.AsNoTracking().Where(p => EF.Parameter(names).Contains(p.Name))
            .Select(p => new Point(p.Id, p.Name, p.RegionCode)).ToListAsync(ct);
        return found.Where(p => round.Concerns(p.RegionCode))
            .GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.RegionCode.Length).ThenBy(p => p.Id).First(), StringComparer.Ordinal);
    }

    /// <summary>The sampler's own region when it lies inside the round, else the round's region.</summary>
    private static string DefaultPointRegion(FangkongDbContext db, TestingRound round) =>
        db.Jurisdiction.RegionPrefix.StartsWith(round.RegionCode, StringComparison.Ordinal) && db.Jurisdiction.RegionPrefix.Length > 0
            ? db.Jurisdiction.RegionPrefix
            : round.RegionCode;

    private static string Sampler(FangkongDbContext db) =>
        db.Jurisdiction.UserName.Length > Sample.SamplerMaxLength ? db.Jurisdiction.UserName[..Sample.SamplerMaxLength] : db.Jurisdiction.UserName;
}
