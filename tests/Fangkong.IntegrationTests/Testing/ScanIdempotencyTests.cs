using System.Data.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Fangkong.IntegrationTests.Testing;

/// <summary>
/// A sampling console resends a batch with the same client ids until it gets an answer (issue 12
/// item 3): sent ten times at once, or again after the server died mid-request, a swab is stored
/// once and every answer says it is recorded.
/// </summary>
public sealed class ScanIdempotencyTests
{
    private static readonly DateTimeOffset At = new(2022, 4, 7, 8, 0, 0, TimeSpan.FromHours(8));

    private static readonly Jurisdiction Sampler = new("sampler", WebTestData.Street, SeesFullIdentity: false);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SameBatch_PostedTenTimesInParallel_StoresEachScanOnce_AndEveryAnswerIsASuccess(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        var round = await RoundAsync(host.Database);
        var batch = new
        {
            scans = Enumerable.Range(0, 10).Select(i => new
            {
                clientId = $"console-7-{i}",
                tubeBarcode = i < 5 ? "PAR-1" : "PAR-2",
                idNumber = Person(i),
                sampledAt = At,
                samplingPoint = "吉源广场",
            }).ToArray(),
        };

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            using var response = await county.PostAsJsonAsync($"/api/v1/testing/rounds/{round}/scans", batch);
            return (response.StatusCode, Body: await response.Content.ReadFromJsonAsync<JsonElement>());
        })));

        answers.ShouldAllBe(a => a.StatusCode == HttpStatusCode.OK);
        var outcomes = answers.SelectMany(a => a.Body.EnumerateArray().Select(r => r.GetProperty("outcome").GetString())).ToList();
        outcomes.ShouldAllBe(o => o == "recorded" || o == "alreadyRecorded");
        outcomes.Count(o => o == "recorded").ShouldBe(10);
        await StoredOnceAsync(host.Database, round, ("PAR-1", 5), ("PAR-2", 5));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SameBatch_TenTimesAtOnce_IntoAnOpenTube_IsRecordedOnce_NeverRefusedAsAlreadyInTheTube(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var round = await RoundAsync(database);
        (await SendAsync(database, round, Swabs("OPEN-1", 100, 1))).ShouldAllBe(r => r.Outcome == RecordScans.Outcome.Recorded);

        // A third writer holds the open tube while the ten copies start, so that all of them have
        // begun before any can write: each must then read what the one before it stored.
        IReadOnlyList<RecordScans.ScanResult>[] answers;
        await using (var holder = database.NewContext())
        {
            await using var hold = await holder.Database.BeginTransactionAsync();
            await holder.Database.ExecuteSqlRawAsync("UPDATE tubes SET sample_count = sample_count WHERE barcode = 'OPEN-1'");
            // On threads of their own: SQLite waits for its writer lock synchronously.
            var all = Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => SendAsync(database, round, Swabs("OPEN-1", 0, 5)))));
            await Task.Delay(500);
            await hold.CommitAsync();
            answers = await all;
        }

        var outcomes = answers.SelectMany(a => a).ToList();
        outcomes.Where(o => o.Outcome == RecordScans.Outcome.Refused).Select(o => o.Reason).ShouldBeEmpty();
        outcomes.Count(o => o.Outcome == RecordScans.Outcome.Recorded).ShouldBe(5);
        outcomes.Count(o => o.Outcome == RecordScans.Outcome.AlreadyRecorded).ShouldBe(45);
        await StoredOnceAsync(database, round, ("OPEN-1", 6));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Batch_WhoseFirstAttemptDiedBeforeCommitWhileTheRetryWaited_IsStoredOnce_ByTheRetry(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var round = await RoundAsync(database);
        var swabs = Swabs("CRASH-1", 0, 8);

        // The first attempt has written everything and stops just before its commit, as a server
        // killed mid-request does; the retry arrives meanwhile; then the first dies (rolled back).
        var dying = new CommitGate(failAfterCommit: false);
        var first = Task.Run(() => SendAsync(database, round, swabs, dying));
        await dying.Reached.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var retry = Task.Run(() => SendAsync(database, round, swabs));
        await Task.Delay(300);
        dying.Open.SetResult();

        await Should.ThrowAsync<SimulatedCrashException>(first);
        (await retry).ShouldAllBe(r => r.Outcome == RecordScans.Outcome.Recorded);
        await StoredOnceAsync(database, round, ("CRASH-1", 8));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Batch_WhoseAnswerWasLostAfterCommit_RetriedTwice_IsStoredOnce_AndAnsweredAsRecorded(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var round = await RoundAsync(database);
        var swabs = Swabs("LOST-1", 0, 10);

        var lost = new CommitGate(failAfterCommit: true);
        lost.Open.SetResult();
        await Should.ThrowAsync<SimulatedCrashException>(SendAsync(database, round, swabs, lost));

        (await SendAsync(database, round, swabs)).ShouldAllBe(r => r.Outcome == RecordScans.Outcome.AlreadyRecorded && r.TubeBarcode == "LOST-1");
        (await SendAsync(database, round, swabs)).ShouldAllBe(r => r.Outcome == RecordScans.Outcome.AlreadyRecorded);
        await StoredOnceAsync(database, round, ("LOST-1", 10));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ClientId_IsUniquePerRound_TheSameIdInANewRoundIsANewSwab_TheDatabaseRefusesATwinInOneRound(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var first = await RoundAsync(database);
        var second = await RoundAsync(database);

        (await SendAsync(database, first, [new("same-id", "R1-1", Person(1), At, "吉源广场")]))[0].Outcome.ShouldBe(RecordScans.Outcome.Recorded);
        (await SendAsync(database, second, [new("same-id", "R2-1", Person(1), At, "吉源广场")]))[0].Outcome.ShouldBe(RecordScans.Outcome.Recorded);

        // The key in the database, not only the check in the handler, holds a round's client ids.
        await using var db = database.NewContext();
        var tube = (await db.Tubes.SingleAsync(t => t.Barcode == "R1-1")).Id;
        await Should.ThrowAsync<DbException>(() => db.Database.ExecuteSqlRawAsync(
            "INSERT INTO samples (client_id, round_id, tube_id, document_number, region_code, sampled_at, sampler) VALUES ('same-id', {0}, {1}, 'X', '220204003001', {2}, 'x')",
            first, tube, provider == DatabaseProvider.Sqlite ? At.ToUnixTimeMilliseconds() : At.ToUniversalTime()));
        (await db.Samples.CountAsync(s => s.ClientId == "same-id")).ShouldBe(2);
    }

    private static string Person(int i) => WebTestData.IdNumberFor(WebTestData.Community, "19800101", i);

    private static List<RecordScans.Scan> Swabs(string tube, int from, int count) =>
        Enumerable.Range(from, count).Select(i => new RecordScans.Scan($"{tube}-c{i}", tube, Person(i), At, "吉源广场")).ToList();

    private static async Task<IReadOnlyList<RecordScans.ScanResult>> SendAsync(TestDatabase database, long round, List<RecordScans.Scan> scans, CommitGate? gate = null)
    {
        await using var db = gate is null ? database.NewContext(Sampler) : WithGate(database, gate);
        return (await RecordScans.HandleAsync(db, round, scans)).Value!;
    }

    private static FangkongDbContext WithGate(TestDatabase database, CommitGate gate)
    {
        var options = new DbContextOptionsBuilder<FangkongDbContext>();
        DataServiceCollectionExtensions.Configure(options, database.Settings);
        options.AddInterceptors(gate);
        return new FangkongDbContext(options.Options, new FixedJurisdiction(Sampler), TimeProvider.System);
    }

    private static async Task StoredOnceAsync(TestDatabase database, long round, params (string Barcode, int Count)[] tubes)
    {
        await using var check = database.NewContext();
        foreach (var (barcode, count) in tubes)
        {
            var tube = await check.Tubes.SingleAsync(t => t.Barcode == barcode);
            tube.SampleCount.ShouldBe(count, barcode);
            (await check.Samples.CountAsync(s => s.TubeId == tube.Id && s.RoundId == round)).ShouldBe(count, barcode);
        }

        var ids = await check.Samples.Where(s => s.RoundId == round).Select(s => s.ClientId).ToListAsync();
        ids.Count.ShouldBe(ids.Distinct().Count());
    }

    private static async Task<long> RoundAsync(TestDatabase database)
    {
        await using var db = database.NewContext(new Jurisdiction("county", WebTestData.County, SeesFullIdentity: false));
        return (await CreateRound.HandleAsync(db, TimeProvider.System, new CreateRound.Command("第三轮", WebTestData.County, 10, At, null))).Value!.Id;
    }

    private sealed class SimulatedCrashException() : Exception("The server died (simulated).");

    /// <summary>Fails a batch at its commit: before it (the transaction is rolled back) or after it (the answer is lost).</summary>
    private sealed class CommitGate(bool failAfterCommit) : DbTransactionInterceptor
    {
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Open { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override async ValueTask<InterceptionResult> TransactionCommittingAsync(
            DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default)
        {
            Reached.TrySetResult();
            await Open.Task;
            return failAfterCommit ? result : throw new SimulatedCrashException();
        }

        public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
            failAfterCommit ? throw new SimulatedCrashException() : Task.CompletedTask;
    }
}
