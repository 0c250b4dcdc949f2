using System.Diagnostics;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.Persons;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// <c>bench pool-trace</c>: a round of N people swabbed 10 to a tube, then results for the chosen
/// number of positive tubes arriving in lab batches, each recorded and traced as the API does (a
/// scope per request, tracing as the system). For every positive tube, the time from its result's
/// arrival to all its members under control (committed) is its batch's wall time; p50, p99 and the
/// maximum are reported, and then the time of the county's live coverage. The round is filled
/// directly in SQL: the set-up is not what is measured.
/// </summary>
internal static class PoolTraceBenchmark
{
    public sealed record Report(
        string Name, string Provider, long People, long Tubes, int PositiveTubes, int BatchSize,
        double Seconds, double P50Seconds, double P99Seconds, double MaxSeconds, double CoverageSeconds, double SetupSeconds, int Processors);

    public static async Task<Report> RunAsync(DatabaseSettings chosen, int people, int positives, int batchSize, Action<string> log, CancellationToken ct)
    {
        var population = await BenchPopulation.ForAsync(chosen, ct);
        await using var fresh = await BenchDatabase.CreateAsync(chosen, 0, ct);
        await using var services = CliServices.Build(fresh.Settings);
        var time = TimeProvider.System;
        var setup = Stopwatch.StartNew();
        long roundId;
        long residents;
        List<string> barcodes;
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Migrator>().MigrateAsync(cancellationToken: ct);
            var db = scope.ServiceProvider.GetRequiredService<FangkongDbContext>();
            await population.SeedAsync(db, ct);
            log($"loading {people:N0} residents");
            await PersonBulkLoader.LoadAsync(db, new DemoPopulation(DemoSetup.County).Generate(population.Communities, people), null, ct);
            residents = await db.Persons.LongCountAsync(ct);
            roundId = (await CreateRound.HandleAsync(db, time, new CreateRound.Command("bench", DemoSetup.County, 10, null, null), ct)).Value!.Id;
            log("swabbing everyone, 10 to a tube");
            await FillRoundAsync(db, roundId, time.GetUtcNow(), ct);
            barcodes = await db.Tubes.AsNoTracking().Where(t => t.RoundId == roundId).OrderBy(t => t.Id).Select(t => t.Barcode).ToListAsync(ct);
        }

        setup.Stop();
        var count = Math.Min(positives, barcodes.Count);
        var step = Math.Max(1, barcodes.Count / count);
        var positive = Enumerable.Range(0, count).Select(i => barcodes[i * step]).ToList();
        log($"{barcodes.Count:N0} tubes; recording {count:N0} positive results in batches of {batchSize}");
        // Each tube's latency is its lab upload's wall time, from the request's start to the
        // commit of the tracing: when the result has arrived and every member is under control.
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        foreach (var batch in positive.Chunk(batchSize))
        {
            var started = Stopwatch.GetTimestamp();
            await using var request = services.CreateAsyncScope();
            var db = request.ServiceProvider.GetRequiredService<FangkongDbContext>();
            var rows = batch.Select((b, i) => new RecordResults.Row(i + 1, b, "positive", 28, 29, null, "bench lab")).ToList();
            var recorded = await RecordResults.HandleAsync(db, time, rows, ct);
            var traced = recorded.Value?.Tracing ?? throw new InvalidOperationException(recorded.Error!.Message);
            if (traced.Tubes != batch.Length)
            {
                throw new InvalidOperationException($"Traced {traced.Tubes} of {batch.Length} tubes.");
            }

            latencies.AddRange(Enumerable.Repeat(Stopwatch.GetElapsedTime(started).TotalSeconds, batch.Length));
        }

        clock.Stop();
        latencies.Sort();

        // Coverage of the whole county, live, as the round page asks for it.
        await using var check = services.CreateAsyncScope();
        var coverage = Stopwatch.StartNew();
        var view = await RoundCoverage.HandleAsync(check.ServiceProvider.GetRequiredService<FangkongDbContext>(), time, roundId, DemoSetup.County, ct);
        coverage.Stop();
        if (view.Value?.Total.Sampled != residents)
        {
            throw new InvalidOperationException($"Coverage counted {view.Value?.Total.Sampled} sampled of {residents}.");
        }

        return new Report(
            "pool-trace", chosen.Provider == DatabaseProvider.Postgres ? "postgres" : "sqlite", residents, barcodes.Count, count, batchSize,
            clock.Elapsed.TotalSeconds, Percentile(latencies, 0.50), Percentile(latencies, 0.99), latencies[^1], coverage.Elapsed.TotalSeconds,
            setup.Elapsed.TotalSeconds, Environment.ProcessorCount);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    /// <summary>Every resident in tubes of ten (B0, B1, ...), in one round, with plain SQL that both databases run.</summary>
    private static async Task FillRoundAsync(FangkongDbContext db, long roundId, DateTimeOffset at, CancellationToken ct)
    {
        var people = await db.Persons.LongCountAsync(ct);
        object opened = db.Database.IsNpgsql() ? at.ToUniversalTime() : at.ToUnixTimeMilliseconds();
        await BenchSql.ExecuteAsync(db, """
            WITH RECURSIVE g(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM g WHERE x < @last)
            INSERT INTO tubes (round_id, barcode, pool_size, region_code, sampling_point, opened_at, sample_count)
            SELECT @round, 'B' || x, 10, '220204', 'bench point', @opened, 0 FROM g
            """, ct, ("round", roundId), ("last", (people - 1) / 10), ("opened", opened));
        await BenchSql.ExecuteAsync(db, """
            INSERT INTO samples (client_id, round_id, tube_id, person_id, document_number, person_region_code, region_code, sampled_at, sampler)
            SELECT 'bench:' || p.id, @round, t.id, p.id, p.document_number, p.region_code, '220204', @opened, 'bench'
            FROM (SELECT id, document_number, region_code, (ROW_NUMBER() OVER (ORDER BY id) - 1) / 10 AS x FROM persons) p
            JOIN tubes t ON t.round_id = @round AND t.barcode = 'B' || p.x
            """, ct, ("round", roundId), ("opened", opened));
        await BenchSql.ExecuteAsync(db, "UPDATE tubes SET sample_count = (SELECT count(*) FROM samples s WHERE s.tube_id = tubes.id) WHERE round_id = @round", ct, ("round", roundId));

        // Swabs written with plain SQL bypass the round's maintained figures (ADR 0029): recount them.
        await Testing.Tallies.RoundTallyCheck.RebuildAsync(db, roundId, ct);

        // A day of sampling lets autovacuum gather statistics; a bulk fill seconds ago has none.
        await BenchSql.ExecuteAsync(db, "ANALYZE", ct);
    }
}
