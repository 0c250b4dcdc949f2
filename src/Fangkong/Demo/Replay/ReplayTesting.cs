using System.Globalization;
using Fangkong.Data;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Demo.Replay;

/// <summary>
/// A day's round of testing through the product's use cases: the day's third of the city swabbed
/// at 07:00–12:00 into 10-in-1 tubes community by community and the contacts in quarantine into
/// single tubes (RecordScans), the lab's results at 13:00 (RecordResults, which traces the positive
/// pools after its commit), the members of the positive pools swabbed again alone at 15:00 from
/// the re-sampling tasks tracing opened, and their results at 18:00, after which every positive
/// person of the round waits to be reported as a case.
/// </summary>
public static class ReplayTesting
{
    public const string City = JilinCityReplay.City;
    public const string Lab = "吉林市疾病预防控制中心";

    public sealed record Outcome(long RoundId, int Swabbed, int Tubes, int PositivePools, int PeopleControlled, int Retested);

    internal static async Task<Outcome> RunAsync(
        FangkongDbContext db, SimulationClock clock, DayPlan plan, IProgress<(string Stage, long Done, long Total)>? progress, CancellationToken ct, int poolSize = 10)
    {
        var day = plan.Target.Day;
        clock.MoveTo(day, 7);
        var created = await CreateRound.HandleAsync(
            db, clock, new CreateRound.Command(string.Create(CultureInfo.InvariantCulture, $"吉林市全员核酸检测 {day:yyyy-MM-dd}"), City, poolSize, clock.GetUtcNow(), TimeSpan.FromHours(24)), ct);
        var round = created.Value ?? throw new InvalidOperationException(created.Error!.Message);
        var stamp = day.ToString("yyMMdd", CultureInfo.InvariantCulture);

        var scans = new List<RecordScans.Scan>();
        var tubes = new List<(string Barcode, bool Positive)>();
        foreach (var community in plan.Swabbed.GroupBy(r => r.RegionCode))
        {
            foreach (var group in community.Chunk(poolSize))
            {
                var barcode = string.Create(CultureInfo.InvariantCulture, $"JL{stamp}{tubes.Count + 1:D7}");
                tubes.Add((barcode, group.Any(r => plan.Positives.ContainsKey(r.Id))));
                scans.AddRange(group.Select((r, i) => Scan(barcode, i, r, round.StartsAt.AddMinutes(tubes.Count % 300), $"{community.Key}核酸采样点", poolSize)));
            }
        }

        var pooled = tubes.Count;
        foreach (var contact in plan.ContactTubes)
        {
            var barcode = string.Create(CultureInfo.InvariantCulture, $"JG{stamp}{tubes.Count + 1:D7}");
            tubes.Add((barcode, plan.Positives.ContainsKey(contact.Id)));
            scans.Add(Scan(barcode, 0, contact, round.StartsAt.AddHours(1), "集中隔离点采样", 1));
        }

        await ScanAsync(db, round.Id, scans, "采样 swabs", progress, ct);
        clock.MoveTo(day, 13);
        var traced = await ResultAsync(db, clock, tubes, "结果 results", progress, ct);

        // Tracing opened one task per member of each positive pool: the sampler swabs them alone.
        var tasks = await db.ResampleTasks.AsNoTracking().Where(t => t.RoundId == round.Id && t.Status == ResampleStatus.Open)
            .OrderBy(t => t.Id).Select(t => t.PersonId).ToListAsync(ct);
        var byId = plan.Swabbed.ToDictionary(r => r.Id);
        clock.MoveTo(day, 15);
        var retests = new List<RecordScans.Scan>();
        var retestTubes = new List<(string Barcode, bool Positive)>();
        foreach (var person in tasks.Select(id => byId[id]))
        {
            var barcode = string.Create(CultureInfo.InvariantCulture, $"JR{stamp}{retestTubes.Count + 1:D7}");
            retestTubes.Add((barcode, plan.Positives.ContainsKey(person.Id)));
            retests.Add(Scan(barcode, 0, person, clock.GetUtcNow(), "单采复核点", 1));
        }

        if (retests.Count > 0)
        {
            await ScanAsync(db, round.Id, retests, "单采 retests", progress, ct);
            clock.MoveTo(day, 18);
            await ResultAsync(db, clock, retestTubes, "复核结果 retest results", progress, ct);
        }

        return new Outcome(round.Id, scans.Count, tubes.Count, tubes.Take(pooled).Count(t => t.Positive), traced.PeopleControlled, retests.Count);
    }

    private static RecordScans.Scan Scan(string barcode, int i, ReplayCity.Resident person, DateTimeOffset at, string point, int poolSize) =>
        new(string.Create(CultureInfo.InvariantCulture, $"replay:{barcode}:{i}"), barcode, person.IdNumber, at, point, poolSize, person.RegionCode);

    private static async Task ScanAsync(
        FangkongDbContext db, long roundId, List<RecordScans.Scan> scans, string stage, IProgress<(string, long, long)>? progress, CancellationToken ct)
    {
        long done = 0;
        foreach (var batch in scans.Chunk(RecordScans.MaxBatch))
        {
            var recorded = await RecordScans.HandleAsync(db, roundId, batch, ct);
            var refused = (recorded.Value ?? throw new InvalidOperationException(recorded.Error!.Message)).FirstOrDefault(r => r.Outcome == RecordScans.Outcome.Refused);
            if (refused is not null)
            {
                throw new InvalidOperationException($"The replay's scan {refused.ClientId} was refused: {refused.Reason}");
            }

            done += batch.Length;
            progress?.Report((stage, done, scans.Count));
        }
    }

    private static async Task<TracePools.Report> ResultAsync(
        FangkongDbContext db, SimulationClock clock, List<(string Barcode, bool Positive)> tubes, string stage, IProgress<(string, long, long)>? progress, CancellationToken ct)
    {
        var traced = TracePools.Report.None;
        long done = 0;
        var random = new Random(tubes.Count);
        foreach (var batch in tubes.Chunk(RecordResults.MaxBatch / 2))
        {
            var rows = batch.Select((t, i) => new RecordResults.Row(
                i + 1, t.Barcode, t.Positive ? "positive" : "negative",
                t.Positive ? 22 + random.Next(0, 100) / 10.0 : null, t.Positive ? 23 + random.Next(0, 100) / 10.0 : null, clock.GetUtcNow(), Lab)).ToList();
            var recorded = await RecordResults.HandleAsync(db, clock, rows, ct);
            var value = recorded.Value ?? throw new InvalidOperationException(recorded.Error!.Message);
            if (value.TracingDeferred)
            {
                throw new InvalidOperationException("Tracing failed after the replay's results.");
            }

            traced = traced.Plus(value.Tracing);
            db.ChangeTracker.Clear();
            done += batch.Length;
            progress?.Report((stage, done, tubes.Count));
        }

        return traced;
    }
}
