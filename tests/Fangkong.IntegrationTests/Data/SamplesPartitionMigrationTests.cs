using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Data;

/// <summary>
/// Migration 0135 rebuilds <c>samples</c> partitioned by round on PostgreSQL (re-keyed on SQLite):
/// the swabs in place must survive it, each in its round's partition, and swabs recorded after it
/// must get new ids and land in the partition made with their round.
/// </summary>
public sealed class SamplesPartitionMigrationTests
{
    private static readonly DateTimeOffset At = new(2022, 4, 7, 8, 0, 0, TimeSpan.Zero);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Migrate_SamplesOfTwoEarlierRounds_AreKept_EachInItsRoundsPartition_AndNewSwabsFollow(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider, migrate: true, upTo: "0134");
        object at = provider == DatabaseProvider.Sqlite ? At.ToUnixTimeMilliseconds() : At;
        await using (var before = db.NewContext())
        {
            // Raw SQL: the rows as version 0134 stored them.
            foreach (var round in new[] { 1L, 2L })
            {
                await before.Database.ExecuteSqlRawAsync(
                    "INSERT INTO testing_rounds (id, name, region_code, starts_at, deadline, pool_size, created_by) VALUES ({0}, {1}, '220204', {2}, {2}, 10, 'county')",
                    round, $"第{round}轮", at);
                await before.Database.ExecuteSqlRawAsync(
                    "INSERT INTO tubes (id, round_id, barcode, pool_size, region_code, sampling_point, opened_at, sample_count) VALUES ({0}, {0}, {1}, 10, '220204003001', '广场', {2}, 2)",
                    round, $"OLD-{round}", at);
                for (var i = 0; i < 2; i++)
                {
                    await before.Database.ExecuteSqlRawAsync(
                        "INSERT INTO samples (id, client_id, round_id, tube_id, document_number, region_code, sampled_at, sampler) VALUES ({0}, {1}, {2}, {2}, {3}, '220204003001', {4}, 'sampler')",
                        (round * 10) + i, $"old-{round}-{i}", round, WebTestData.IdNumberFor(WebTestData.Community, "19800101", i), at);
                }
            }

            if (provider == DatabaseProvider.Postgres)
            {
                // Rows written with their ids, as the application's would have moved the sequences.
                await before.Database.ExecuteSqlRawAsync("SELECT setval(pg_get_serial_sequence('testing_rounds', 'id'), 2), setval(pg_get_serial_sequence('tubes', 'id'), 2)");
            }
        }

        var applied = await db.MigrateAsync();
        await WebTestData.SeedAsync(db);

        applied.ShouldContain("0135_samples_by_round");
        await using var after = db.NewContext();
        (await after.Samples.OrderBy(s => s.Id).Select(s => new { s.Id, s.ClientId, s.RoundId }).ToListAsync())
            .Select(s => $"{s.Id}:{s.ClientId}:{s.RoundId}")
            .ShouldBe(["10:old-1-0:1", "11:old-1-1:1", "20:old-2-0:2", "21:old-2-1:2"]);
        if (provider == DatabaseProvider.Postgres)
        {
            (await PartitionCountAsync(after, "samples_r1")).ShouldBe(2);
            (await PartitionCountAsync(after, "samples_r2")).ShouldBe(2);
            (await PartitionCountAsync(after, "samples_default")).ShouldBe(0);
        }

        // A swab of an old round after the upgrade, and a new round with its own partition.
        await using var sampler = db.NewContext(new Jurisdiction("sampler", WebTestData.Street, SeesFullIdentity: false));
        var more = (await RecordScans.HandleAsync(sampler, 1, [new("old-1-0", "OLD-1", WebTestData.IdNumberFor(WebTestData.Community, "19800101", 0), At, "广场"),
            new("new-1-2", "OLD-1", WebTestData.IdNumberFor(WebTestData.Community, "19800101", 2), At, "广场")])).Value!;
        more.Select(r => r.Outcome).ShouldBe([RecordScans.Outcome.AlreadyRecorded, RecordScans.Outcome.Recorded]);
        await using var county = db.NewContext(new Jurisdiction("county", WebTestData.County, SeesFullIdentity: false));
        var third = (await CreateRound.HandleAsync(county, TimeProvider.System, new CreateRound.Command("第三轮", WebTestData.County, 10, At, null))).Value!.Id;
        (await RecordScans.HandleAsync(sampler, third, [new("new-3-0", "NEW-3", WebTestData.IdNumberFor(WebTestData.Community, "19800101", 0), At, "广场")]))
            .Value![0].Outcome.ShouldBe(RecordScans.Outcome.Recorded);

        var ids = await after.Samples.Where(s => s.ClientId.StartsWith("new-")).Select(s => s.Id).ToListAsync();
        ids.Count.ShouldBe(2);
        ids.ShouldAllBe(id => id > 21);
        if (provider == DatabaseProvider.Postgres)
        {
            (await PartitionCountAsync(after, "samples_r1")).ShouldBe(3);
            (await PartitionCountAsync(after, SamplePartitionName(third))).ShouldBe(1);
            (await PartitionCountAsync(after, "samples_default")).ShouldBe(0);
        }
    }

    [Fact]
    public async Task Postgres_EveryUniqueKeyOfSamples_NamesTheRound_AndTheTableIsPartitionedByIt()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        await using var context = db.NewContext();
        (await context.Database.SqlQueryRaw<string>(
            "SELECT pg_get_partkeydef('samples'::regclass) AS \"Value\"").SingleAsync()).ShouldBe("LIST (round_id)");
        var uniques = await context.Database.SqlQueryRaw<string>(
            "SELECT indexdef AS \"Value\" FROM pg_indexes WHERE tablename = 'samples' AND indexdef LIKE 'CREATE UNIQUE%'").ToListAsync();
        uniques.Count.ShouldBe(3);
        uniques.ShouldAllBe(d => d.Contains("round_id"));
    }

    private static string SamplePartitionName(long round) => $"samples_r{round}";

    // A table name cannot be a parameter; the names here are the test's own constants.
#pragma warning disable EF1002, EF1003
    private static Task<int> PartitionCountAsync(FangkongDbContext db, string partition) =>
        db.Database.SqlQueryRaw<int>("SELECT count(*)::int AS \"Value\" FROM " + partition).SingleAsync();
#pragma warning restore EF1002, EF1003
}
