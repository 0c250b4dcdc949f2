using System.Diagnostics;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Testing;

/// <summary>
/// A sampling console's batch (ADR 0030): at the peak its cost is the round trips it makes while
/// holding a pooled connection, so on PostgreSQL a batch of ten into a new tube takes at most seven
/// statements (round, points, the locks and reads as one batch, the tubes, their ids, the writes as
/// one batch, the audit line), where before ADR 0030 its transaction alone took thirteen; and what it stores is the same on both
/// providers: the swabs with their person, the tube and its fill, one audit line.
/// </summary>
public sealed class ScanBatchRoundTripTests
{
    private static readonly DateTimeOffset At = new(2022, 4, 7, 8, 0, 0, TimeSpan.FromHours(8));

    private static readonly Jurisdiction Sampler = new("sampler", WebTestData.Street, SeesFullIdentity: false);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ConsoleBatch_IntoANewTubeThenAnOpenOne_StoresEverySwab_InFewRoundTrips(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var round = await RoundAsync(database);
        var known = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1); // 张伟, registered

        var (first, firstTrips) = await SendCountingAsync(database, round, [.. Enumerable.Range(0, 6).Select(i => Swab(i, i == 0 ? known : Unknown(i)))]);
        var (second, secondTrips) = await SendCountingAsync(database, round, [.. Enumerable.Range(6, 4).Select(i => Swab(i, Unknown(i)))]);

        first.Concat(second).ShouldAllBe(r => r.Outcome == RecordScans.Outcome.Recorded);
        second.Select(r => r.TubeCount).ShouldBe([7, 8, 9, 10]);
        await using (var check = database.NewContext())
        {
            var tube = await check.Tubes.SingleAsync(t => t.Barcode == "RT-1");
            tube.SampleCount.ShouldBe(10);
            tube.PoolSize.ShouldBe(10);
            tube.OpenedAt.ShouldBe(At);
            var samples = await check.Samples.Where(s => s.TubeId == tube.Id).OrderBy(s => s.ClientId).ToListAsync();
            samples.Select(s => s.ClientId).ShouldBe([.. Enumerable.Range(0, 10).Select(i => $"rt-{i}")]);
            samples.ShouldAllBe(s => s.RoundId == round && s.Sampler == "sampler" && s.SampledAt == At);
            var person = await check.Persons.SingleAsync(p => p.DocumentNumber == known);
            samples[0].PersonId.ShouldBe(person.Id);
            samples[0].PersonRegionCode.ShouldBe(WebTestData.Community);
            samples.Skip(1).ShouldAllBe(s => s.PersonId == null && s.PersonRegionCode == null);
            (await check.AuditLog.CountAsync(a => a.Entity == nameof(Sample) && a.UserName == "sampler")).ShouldBe(2);
        }

        if (provider == DatabaseProvider.Postgres)
        {
            // The count is real: Npgsql traced the batch's statements.
            firstTrips.Count.ShouldBeGreaterThan(2, string.Join(" | ", firstTrips));
            // 7 for the batch itself, plus 2 for the round's figures (ADR 0029): the first batch holds
            // a registered person, whose first swab flips round_people and adds to round_tallies; the
            // second holds only unregistered people, who are not counted.
            firstTrips.Count.ShouldBeLessThanOrEqualTo(9, "a batch opening a tube: " + string.Join(" | ", firstTrips));
            secondTrips.Count.ShouldBeLessThanOrEqualTo(6, "a batch filling an open tube: " + string.Join(" | ", secondTrips));
        }
    }

    private static bool IsConnectionOpening(string span) =>
        span.Contains("open", StringComparison.OrdinalIgnoreCase) || span.StartsWith("CONNECT", StringComparison.OrdinalIgnoreCase);

    private static RecordScans.Scan Swab(int i, string idNumber) => new($"rt-{i}", "RT-1", idNumber, At, "吉源广场");

    private static string Unknown(int i) => WebTestData.IdNumberFor(WebTestData.Community, "19700101", 100 + i);

    /// <summary>The use case's result and the statements Npgsql sent for it (one traced activity per round trip).</summary>
    private static async Task<(IReadOnlyList<RecordScans.ScanResult> Results, IReadOnlyList<string> RoundTrips)> SendCountingAsync(TestDatabase database, long round, List<RecordScans.Scan> scans)
    {
        using var source = new ActivitySource("Fangkong.IntegrationTests.RoundTrips");
        var trips = new System.Collections.Concurrent.ConcurrentQueue<string>();
        ActivityTraceId? trace = null;
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == "Npgsql" || s == source,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            // Only this call's statements: other tests run in parallel in this process.
            ActivityStopped = a =>
            {
                // Statements only, not the opening of a physical connection: a pool opens one when
                // it has none idle, whenever that is, and Npgsql names that span "CONNECT <db>".
                if (a.Source.Name == "Npgsql" && a.TraceId == trace && !IsConnectionOpening(a.DisplayName))
                {
                    trips.Enqueue(a.DisplayName);
                }
            },
        };
        ActivitySource.AddActivityListener(listener);
        await using var db = database.NewContext(Sampler);
        IReadOnlyList<RecordScans.ScanResult> results;
        using (var call = source.StartActivity("scan batch"))
        {
            trace = call!.TraceId;
            results = (await RecordScans.HandleAsync(db, round, scans)).Value!;
        }

        return (results, [.. trips]);
    }

    private static async Task<long> RoundAsync(TestDatabase database)
    {
        await using var db = database.NewContext(new Jurisdiction("county", WebTestData.County, SeesFullIdentity: false));
        return (await CreateRound.HandleAsync(db, TimeProvider.System, new CreateRound.Command("往返测试轮次", WebTestData.County, 10, At, null))).Value!.Id;
    }
}
