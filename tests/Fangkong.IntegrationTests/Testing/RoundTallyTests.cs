using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Fangkong.Testing;
using Fangkong.Testing.Tallies;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Testing;

/// <summary>
/// The round's maintained figures (ADR 0029) stay equal to a recount of its swabs, tubes and
/// exemptions through every write that moves them: scan batches (a person swabbed twice counts
/// once, a retried batch counts nothing, parallel batches lose no increment, visitors do not
/// count), exemptions added and taken back, results (invalid ones do not count, a result sent
/// again counts nothing), and the upgrade of a database that already holds rounds. The check
/// itself is shown to find a drift.
/// </summary>
public sealed class RoundTallyTests
{
    private static readonly DateTimeOffset At = new(2022, 4, 7, 8, 0, 0, TimeSpan.FromHours(8));

    private static readonly Jurisdiction County = new("county", WebTestData.County, SeesFullIdentity: true);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Scans_CountEachPersonOnce_AcrossTubesAndRetries_AndNotVisitors(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider, 8);
        var round = await RoundAsync(database);
        var first = Swabs("T1", "a", 0, 1, 2, 3);
        await ScanAsync(database, round, first);
        (await ScanAsync(database, round, first)).ShouldAllBe(r => r.Outcome == RecordScans.Outcome.AlreadyRecorded);

        // Person 0 again in a second tube, person 4 new, and a visitor who is not registered.
        await ScanAsync(database, round, [.. Swabs("T2", "b", 0, 4), new RecordScans.Scan("b-visitor", "T2", Visitor, At, "吉源广场")]);

        (await CoverageAsync(database, round, WebTestData.Community)).Sampled.ShouldBe(5);
        (await CoverageAsync(database, round, WebTestData.Street)).Sampled.ShouldBe(5);
        await ShouldBeConsistentAsync(database, round);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ParallelBatches_ForOneCommunity_LoseNoIncrement_AndCountAPersonInTwoOfThemOnce(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider, 40);
        var round = await RoundAsync(database);

        // Ten batches at once, four people each; batch k also swabs person k + 1 of the next batch.
        var batches = Enumerable.Range(0, 10).Select(k =>
            Swabs($"P{k}", $"p{k}", Enumerable.Range(k * 4, 4).Append((k * 4 + 5) % 40).ToArray())).ToList();
        await Task.WhenAll(batches.Select(b => Task.Run(() => ScanAsync(database, round, b))));

        var line = await CoverageAsync(database, round, WebTestData.Community);
        line.Sampled.ShouldBe(40);
        await ShouldBeConsistentAsync(database, round);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Exemptions_LeaveShouldTest_UntilSwabbedOrTakenBack(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider, 6);
        var round = await RoundAsync(database);
        await ScanAsync(database, round, Swabs("E1", "e", 0));

        // 1 and 2 not swabbed: exempted; 0 already swabbed: exempted but counts as sampled.
        await ExemptAsync(database, round, 0, 1, 2);
        await ExemptAsync(database, round, 1);
        // The community has 8 residents: the 6 of this test and 2 of the seed.
        var line = await CoverageAsync(database, round, WebTestData.Community);
        (line.Exempted, line.Sampled, line.ShouldTest).ShouldBe((2, 1, 8 - 2));
        await ShouldBeConsistentAsync(database, round);

        // 1 is swabbed after all; 2's exemption is taken back.
        await ScanAsync(database, round, Swabs("E1", "f", 1));
        await using (var db = database.NewContext(County))
        {
            (await RemoveExemption.HandleAsync(db, round, await PersonIdAsync(database, 2))).IsSuccess.ShouldBeTrue();
        }

        line = await CoverageAsync(database, round, WebTestData.Community);
        (line.Exempted, line.Sampled, line.ShouldTest).ShouldBe((0, 2, 8));
        await ShouldBeConsistentAsync(database, round);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Results_CountPeopleResultedAndPositive_NotInvalidTubes_AndAResultSentAgainCountsNothing(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider, 8);
        var round = await RoundAsync(database);
        await ScanAsync(database, round, [.. Swabs("R-NEG", "n", 0, 1, 2), .. Swabs("R-POS", "p", 2, 3), .. Swabs("R-INV", "i", 4, 5)]);

        Task<Fangkong.Common.Result<RecordResults.Recorded>> Send(params (string Tube, string Result)[] rows)
        {
            var db = database.NewContext(new Jurisdiction("lab", WebTestData.County, SeesFullIdentity: false));
            return RecordResults.HandleAsync(db, TimeProvider.System, rows.Select((r, i) => new RecordResults.Row(i + 1, r.Tube, r.Result, null, null, At.AddHours(6), "吉林市疾控")).ToList());
        }

        (await Send(("R-NEG", "negative"), ("R-POS", "positive"), ("R-INV", "invalid"))).IsSuccess.ShouldBeTrue();
        (await Send(("R-NEG", "negative"), ("R-POS", "positive"))).Value!.Unchanged.ShouldBe(2);

        // Person 2 is in a negative and a positive tube: resulted once, positive once.
        var line = await CoverageAsync(database, round, WebTestData.Community);
        (line.Sampled, line.Resulted, line.Positive).ShouldBe((6, 4, 2));
        await ShouldBeConsistentAsync(database, round);
    }

    // The round is made by today's code at the latest schema, then copied into a database at 0150
    // (OldSchemaCopy: today's seeding cannot write onto the 0150 schema), which 0151 then upgrades.
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Upgrade_OfADatabaseWithARound_FillsTheTalliesFromItsSwabsResultsAndExemptions(DatabaseProvider provider)
    {
        await using var today = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(today);
        await using (var db = today.NewContext())
        {
            var round = new TestingRound("旧轮次", WebTestData.County, At, At.AddDays(1), 10, "county");
            db.TestingRounds.Add(round);
            await db.SaveChangesAsync();
            await SamplePartitions.CreateAsync(db, round.Id, CancellationToken.None);
            var people = await db.Persons.Where(p => p.RegionCode == WebTestData.Community || p.RegionCode == WebTestData.OtherCommunity).OrderBy(p => p.Id).ToListAsync();
            var positive = new Tube(round.Id, "OLD-1", 10, WebTestData.Street, "吉源广场", At);
            var open = new Tube(round.Id, "OLD-2", 10, WebTestData.Street, "吉源广场", At);
            db.Tubes.AddRange(positive, open);
            await db.SaveChangesAsync();
            positive.SetResult(TestResult.Positive, 30, 31, "吉林市疾控", At.AddHours(5), At.AddHours(5));
            db.Samples.Add(new Sample("old-0", round.Id, positive.Id, WebTestData.Street, people[0].Id, people[0].DocumentNumber, people[0].RegionCode, At, "s"));
            db.Samples.Add(new Sample("old-1", round.Id, open.Id, WebTestData.Street, people[0].Id, people[0].DocumentNumber, people[0].RegionCode, At, "s"));
            db.Samples.Add(new Sample("old-2", round.Id, open.Id, WebTestData.Street, people[2].Id, people[2].DocumentNumber, people[2].RegionCode, At, "s"));
            db.RoundExemptions.Add(new RoundExemption(round.Id, people[1].Id, people[1].RegionCode, ExemptionKind.Hospital, null, "county", At));
            await db.SaveChangesAsync();
        }

        await using var database = await TestDatabase.CreateAsync(provider, upTo: "0150");
        await OldSchemaCopy.CopyAsync(today, database);
        (await database.MigrateAsync()).ShouldContain(v => v.StartsWith("0151", StringComparison.Ordinal));

        await using var check = database.NewContext();
        var id = await check.TestingRounds.Select(r => r.Id).SingleAsync();
        var community = await CoverageAsync(database, id, WebTestData.Community);
        (community.Sampled, community.Resulted, community.Positive, community.Exempted).ShouldBe((1, 1, 1, 1));
        (await CoverageAsync(database, id, WebTestData.OtherCommunity)).Sampled.ShouldBe(1);
        await ShouldBeConsistentAsync(database, id);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Verify_FindsATallyOrPersonThatDrifted_AndRebuildRestoresThem(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider, 4);
        var round = await RoundAsync(database);
        await ScanAsync(database, round, Swabs("V1", "v", 0, 1, 2));
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE round_tallies SET sampled = sampled + 1");
            await db.Database.ExecuteSqlRawAsync("DELETE FROM round_people WHERE person_id = {0}", await PersonIdAsync(database, 0));
        }

        await using (var db = database.NewContext())
        {
            var report = await RoundTallyCheck.VerifyAsync(db, round);
            report.Consistent.ShouldBeFalse();
            report.PeopleDiffering.ShouldBe(1);
            report.TalliesDiffering.ShouldBeGreaterThan(0);
            report.Examples.ShouldNotBeEmpty();
            await RoundTallyCheck.RebuildAsync(db, round);
        }

        (await CoverageAsync(database, round, WebTestData.Community)).Sampled.ShouldBe(3);
        await ShouldBeConsistentAsync(database, round);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task VerifyCommand_ExitsWithOneOnADrift_AndZeroAfterRebuild_AndRefusesRebuildWithoutARound(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider, 3);
        var round = await RoundAsync(database);
        await ScanAsync(database, round, Swabs("C1", "c", 0, 1));
        var id = round.ToString(System.Globalization.CultureInfo.InvariantCulture);
        (await CliAsync("db", "verify-aggregates", "--database", database.Setting)).ShouldBe(0);

        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE round_tallies SET resulted = resulted + 2");
        }

        (await CliAsync("db", "verify-aggregates", "--round", id, "--database", database.Setting)).ShouldBe(1);
        (await CliAsync("db", "verify-aggregates", "--rebuild", "--database", database.Setting)).ShouldBe(1);
        (await CliAsync("db", "verify-aggregates", "--round", id, "--rebuild", "--database", database.Setting)).ShouldBe(0);
        (await CliAsync("db", "verify-aggregates", "--database", database.Setting)).ShouldBe(0);
    }

    private static async Task<int> CliAsync(params string[] args)
    {
        var root = new System.CommandLine.RootCommand { Fangkong.Cli.GlobalOptions.Database, Fangkong.Cli.Commands.DbCommand.Create() };
        return await root.Parse(args).InvokeAsync(new System.CommandLine.InvocationConfiguration { EnableDefaultExceptionHandler = false });
    }

    private static string IdOf(int i) => WebTestData.IdNumberFor(WebTestData.Community, "19700101", 100 + i);

    private static string Visitor => WebTestData.IdNumberFor(WebTestData.OtherCountyCommunity, "19900101", 7);

    private static List<RecordScans.Scan> Swabs(string tube, string prefix, params int[] people) =>
        people.Select(i => new RecordScans.Scan($"{prefix}-{tube}-{i}", tube, IdOf(i), At, "吉源广场")).ToList();

    private static async Task<TestDatabase> SeedAsync(DatabaseProvider provider, int people)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await using var db = database.NewContext();
        for (var i = 0; i < people; i++)
        {
            db.Persons.Add(new Person(DocumentType.ResidentId, IdOf(i), $"居民{i}", WebTestData.Community));
        }

        await db.SaveChangesAsync();
        return database;
    }

    private static async Task<long> PersonIdAsync(TestDatabase database, int i)
    {
        await using var db = database.NewContext();
        return await db.Persons.Where(p => p.DocumentNumber == IdOf(i)).Select(p => p.Id).SingleAsync();
    }

    private static async Task<long> RoundAsync(TestDatabase database)
    {
        await using var db = database.NewContext(County);
        return (await CreateRound.HandleAsync(db, TimeProvider.System, new CreateRound.Command("第四轮", WebTestData.County, 10, At, null))).Value!.Id;
    }

    private static async Task<IReadOnlyList<RecordScans.ScanResult>> ScanAsync(TestDatabase database, long round, List<RecordScans.Scan> scans)
    {
        await using var db = database.NewContext(new Jurisdiction("sampler", WebTestData.County, SeesFullIdentity: false));
        var results = (await RecordScans.HandleAsync(db, round, scans)).Value!;
        results.ShouldNotContain(r => r.Outcome == RecordScans.Outcome.Refused);
        return results;
    }

    private static async Task ExemptAsync(TestDatabase database, long round, params int[] people)
    {
        await using var db = database.NewContext(County);
        var items = people.Select(i => new ExemptPeople.Item(IdOf(i), "hospital", null)).ToList();
        (await ExemptPeople.HandleAsync(db, TimeProvider.System, round, items)).IsSuccess.ShouldBeTrue();
    }

    private static async Task<RoundCoverage.Line> CoverageAsync(TestDatabase database, long round, string region)
    {
        await using var db = database.NewContext(County);
        return (await RoundCoverage.HandleAsync(db, TimeProvider.System, round, region)).Value!.Total;
    }

    private static async Task ShouldBeConsistentAsync(TestDatabase database, long round)
    {
        await using var db = database.NewContext();
        var report = await RoundTallyCheck.VerifyAsync(db, round);
        report.Examples.ShouldBeEmpty();
        report.Consistent.ShouldBeTrue();
    }
}
