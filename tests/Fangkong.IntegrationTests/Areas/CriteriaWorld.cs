using Fangkong.Cases;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Fangkong.Residences;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Areas;

/// <summary>
/// Two compounds for the criteria tests: 吉源小区 (two residents) in 吉源社区 and 松北小区 (one
/// resident) in 松北一区社区, on the WebTestData regions and users; cases, contacts and rounds are
/// added by each test.
/// </summary>
internal sealed class CriteriaWorld
{
    public static readonly DateOnly Day = new(2022, 4, 20);

    public static readonly string ResidentA1 = WebTestData.IdNumberFor(WebTestData.Community, "19700101", 11);
    public static readonly string ResidentA2 = WebTestData.IdNumberFor(WebTestData.Community, "19700102", 12);
    public static readonly string ResidentB1 = WebTestData.IdNumberFor(WebTestData.OtherCommunity, "19700103", 13);

    private int _sequence;

    private CriteriaWorld(TestDatabase database) => Database = database;

    public TestDatabase Database { get; }

    public long CompoundA { get; private set; }

    public long CompoundB { get; private set; }

    /// <param name="seeded">True when the WebTestData regions and users are there already (a web test host seeds them).</param>
    public static async Task<CriteriaWorld> CreateAsync(TestDatabase database, bool seeded = false)
    {
        if (!seeded)
        {
            await WebTestData.SeedAsync(database);
        }

        var world = new CriteriaWorld(database);
        await using var db = database.NewContext();
        var a = new Compound(WebTestData.Community, "吉源小区");
        var b = new Compound(WebTestData.OtherCommunity, "松北小区");
        db.Compounds.AddRange(a, b);
        await db.SaveChangesAsync();
        db.Persons.AddRange(
            Resident(ResidentA1, "赵一", WebTestData.Community, a.Id),
            Resident(ResidentA2, "钱二", WebTestData.Community, a.Id),
            Resident(ResidentB1, "孙三", WebTestData.OtherCommunity, b.Id));
        await db.SaveChangesAsync();
        (world.CompoundA, world.CompoundB) = (a.Id, b.Id);
        return world;
    }

    /// <summary>A new infection of a registered resident reported on the day.</summary>
    public async Task AddCaseAsync(string idNumber, DateOnly reportedOn, CaseSource source = CaseSource.LineList, string? convertedFrom = null)
    {
        await using var db = Database.NewContext();
        var person = await db.Persons.SingleAsync(p => p.DocumentNumber == idNumber);
        var type = convertedFrom is null ? CaseType.Asymptomatic : CaseType.Confirmed;
        var created = Fangkong.Cases.Case.Create(new Fangkong.Cases.Case.Report(
            $"JL-{++_sequence}", person.Name, idNumber, person.RegionCode, type, type == CaseType.Confirmed ? Severity.Mild : null,
            reportedOn, source, convertedFrom, person.Id));
        db.Cases.Add(created.Value!);
        await db.SaveChangesAsync();
    }

    /// <summary>A close contact exposed on the day (identified the day after), under the 8th edition.</summary>
    public async Task AddContactAsync(string idNumber, DateOnly exposedOn, string? regionCode = null)
    {
        await using var db = Database.NewContext();
        var policy = await db.PolicyVersions.SingleAsync(v => v.Code == PolicyVersions.Eighth);
        var source = await db.Cases.OrderBy(c => c.Id).Select(c => c.CaseNo).FirstOrDefaultAsync() ?? "JL-0";
        var created = Contact.Create(
            new Contact.Report($"MJ-{++_sequence}", ContactKind.Close, source, null, idNumber, "密接", regionCode ?? WebTestData.Community, exposedOn, exposedOn.AddDays(1), null),
            policy);
        db.Contacts.Add(created.Value!);
        await db.SaveChangesAsync();
    }

    /// <summary>A round over <paramref name="regionCode"/> started on the day at 8:00, one single tube per person with the given result (null: no result yet).</summary>
    public async Task<long> AddRoundAsync(string regionCode, DateOnly on, params (string IdNumber, TestResult? Result)[] swabs)
    {
        await using var db = Database.NewContext();
        var at = new DateTimeOffset(on.ToDateTime(new TimeOnly(8, 0)), TimeSpan.FromHours(8));
        var round = new TestingRound($"第 {++_sequence} 轮", regionCode, at, at.AddHours(24), 1, "county");
        db.TestingRounds.Add(round);
        await db.SaveChangesAsync();
        foreach (var (number, result) in swabs)
        {
            await SwabAsync(db, round.Id, number, at.AddHours(1), result);
        }

        return round.Id;
    }

    /// <summary>A single-tube swab of a person in a round, with its result.</summary>
    public async Task SwabAsync(long roundId, string idNumber, DateTimeOffset at, TestResult? result)
    {
        await using var db = Database.NewContext();
        await SwabAsync(db, roundId, idNumber, at, result);
    }

    /// <summary>A swab of someone not in the register (a visitor), known only by document number.</summary>
    public async Task SwabVisitorAsync(long roundId, string idNumber, string regionCode, DateTimeOffset at, TestResult result)
    {
        await using var db = Database.NewContext();
        var tube = new Tube(roundId, $"T{++_sequence:D6}", 1, regionCode, "采样点", at);
        tube.AddSample();
        tube.SetResult(result, null, null, "市疾控", at.AddHours(6), at.AddHours(6));
        db.Tubes.Add(tube);
        await db.SaveChangesAsync();
        db.Samples.Add(new Sample($"c-{_sequence}", roundId, tube.Id, regionCode, null, idNumber, null, at, "sampler"));
        await db.SaveChangesAsync();
    }

    private async Task SwabAsync(Fangkong.Data.FangkongDbContext db, long roundId, string idNumber, DateTimeOffset at, TestResult? result)
    {
        var person = await db.Persons.SingleAsync(p => p.DocumentNumber == idNumber);
        var tube = new Tube(roundId, $"T{++_sequence:D6}", 1, person.RegionCode, "采样点", at);
        tube.AddSample();
        if (result is { } r)
        {
            tube.SetResult(r, null, null, "市疾控", at.AddHours(6), at.AddHours(6));
        }

        db.Tubes.Add(tube);
        await db.SaveChangesAsync();
        db.Samples.Add(new Sample($"c-{_sequence}", roundId, tube.Id, person.RegionCode, person.Id, idNumber, person.RegionCode, at, "sampler"));
        await db.SaveChangesAsync();
    }

    private static Person Resident(string idNumber, string name, string region, long compoundId) =>
        new(DocumentType.ResidentId, idNumber, name, region) { CompoundId = compoundId, UpdatedAt = DateTimeOffset.UtcNow };
}
