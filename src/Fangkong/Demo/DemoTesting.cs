using Fangkong.Data;
using Fangkong.Regions;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Demo;

/// <summary>
/// The demo's first round of mass testing over 船营区: the residents of 大东街道 swabbed into
/// 10-in-1 tubes at their communities' sampling points (four in five of them, so the door-to-door
/// list has work), all negative but three pools, whose members are traced at once; two of those
/// pools re-tested one by one, with one positive among them. Through the same use cases as the
/// API, run as the system; skipped when a round exists.
/// </summary>
public static class DemoTesting
{
    public const string Street = "220204003";

    public sealed record Report(long RoundId, int Sampled, int Tubes, int PositivePools, int PeopleControlled);

    /// <param name="progress">Rows done and rows in all (scans, then results): a city-sized round takes minutes.</param>
    public static async Task<Report?> SeedAsync(FangkongDbContext db, TimeProvider time, IProgress<(long Done, long Total)>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (await db.TestingRounds.AnyAsync(ct))
        {
            return null;
        }

        var now = time.GetUtcNow();
        var created = await CreateRound.HandleAsync(db, time, new CreateRound.Command("船营区第一轮全员核酸检测", DemoSetup.County, 10, now.AddHours(-20), null), ct);
        var round = created.Value ?? throw new InvalidOperationException(created.Error!.Message);
        var communities = await db.Regions.AsNoTracking().Where(r => r.ParentCode == Street).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var people = await db.Persons.AsNoTracking()
            .Where(p => p.RegionCode.StartsWith(Street))
            .OrderBy(p => p.RegionCode).ThenBy(p => p.HouseholdNo).ThenBy(p => p.Id)
            .Select(p => new { p.DocumentNumber, p.RegionCode })
            .ToListAsync(ct);

        // Four in five come to be swabbed, ten to a tube, community by community.
        var scans = new List<RecordScans.Scan>();
        var tube = 0;
        foreach (var community in people.Where((_, i) => i % 5 != 4).GroupBy(p => p.RegionCode))
        {
            var point = $"{communities.GetValueOrDefault(community.Key, community.Key)}核酸采样点";
            foreach (var group in community.Chunk(10))
            {
                tube++;
                scans.AddRange(group.Select((p, i) => new RecordScans.Scan(
                    $"demo:{tube}:{i}", $"CY{tube:D6}", p.DocumentNumber, round.StartsAt.AddMinutes(tube % 600), point, 10, community.Key)));
            }
        }

        // Every row is sent as the API takes it: scans and results in batches within its limits.
        long total = scans.Count + tube;
        long done = 0;
        foreach (var batch in scans.Chunk(RecordScans.MaxBatch))
        {
            await RecordScans.HandleAsync(db, round.Id, batch, ct);
            done += batch.Length;
            progress?.Report((done, total));
        }

        int[] positives = [7, tube / 2, tube - 3];
        var results = Enumerable.Range(1, tube)
            .Select(t => new RecordResults.Row(t, $"CY{t:D6}", positives.Contains(t) ? "positive" : "negative", positives.Contains(t) ? 27.5 : null, positives.Contains(t) ? 28.9 : null, null, "吉林市疾病预防控制中心"))
            .ToList();
        var traced = TracePools.Report.None;
        foreach (var batch in results.Chunk(RecordResults.MaxBatch))
        {
            traced = traced.Plus(await ResultAndTraceAsync(db, time, [.. batch], ct));
            db.ChangeTracker.Clear();
            done += batch.Length;
            progress?.Report((done, total));
        }

        // The members of the first two positive pools are swabbed again, one tube each; one of them is positive.
        var retest = await db.Samples.AsNoTracking()
            .Join(db.Tubes.Where(t => t.Barcode == $"CY{positives[0]:D6}" || t.Barcode == $"CY{positives[1]:D6}"), s => s.TubeId, t => t.Id, (s, t) => new { s.DocumentNumber, s.PersonRegionCode })
            .ToListAsync(ct);
        var singles = retest.Select((m, i) => new RecordScans.Scan($"demo:retest:{i}", $"CYR{i + 1:D5}", m.DocumentNumber, now.AddHours(-8), "大东街道单采点", 1, m.PersonRegionCode)).ToList();
        await RecordScans.HandleAsync(db, round.Id, singles, ct);
        await ResultAndTraceAsync(
            db,
            time,
            singles.Select((s, i) => new RecordResults.Row(i + 1, s.TubeBarcode, i == 2 ? "positive" : "negative", i == 2 ? 30.1 : null, i == 2 ? 31.2 : null, null, "吉林市疾病预防控制中心")).ToList(),
            ct);
        return new Report(round.Id, scans.Count, tube, positives.Length, traced.PeopleControlled);
    }

    private static async Task<TracePools.Report> ResultAndTraceAsync(FangkongDbContext db, TimeProvider time, List<RecordResults.Row> rows, CancellationToken ct)
    {
        // Tracing follows the commit of the results (ResultsRecorded); a failure there is a demo bug.
        var recorded = await RecordResults.HandleAsync(db, time, rows, ct);
        var done = recorded.Value ?? throw new InvalidOperationException(recorded.Error!.Message);
        return done.TracingDeferred ? throw new InvalidOperationException("Tracing failed after the demo's results.") : done.Tracing;
    }
}
