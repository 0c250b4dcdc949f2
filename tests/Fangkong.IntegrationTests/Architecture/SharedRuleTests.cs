using Fangkong.Areas;
using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.IntegrationTests.Areas;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Regions;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Architecture;

/// <summary>
/// A rule shared by several capabilities is defined once, in its owner (ADR 0024), and its callers agree:
/// "exempted and not swabbed in the round" (Testing.ExemptedNotSwabbed) and "a new local infection"
/// (Cases.NewLocalInfection).
/// </summary>
public sealed class SharedRuleTests
{
    private static readonly DateOnly Day = CriteriaWorld.Day;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ExemptedNotSwabbed_CoverageAndBothCriteria_CountTheSamePeople(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        var round = await world.AddRoundAsync(WebTestData.County, Day.AddDays(-1), (CriteriaWorld.ResidentA1, TestResult.Negative));
        // A1 is exempted but was swabbed anyway: swabbed, not exempted. A2 and B1 are owed nothing.
        await ExemptAsync(database, round, CriteriaWorld.ResidentA1, CriteriaWorld.ResidentA2, CriteriaWorld.ResidentB1);

        await using var db = database.NewContext();
        var people = await PeopleAsync(db, ExemptedNotSwabbed.In(db, [round]));
        people.ShouldBe([CriteriaWorld.ResidentA2, CriteriaWorld.ResidentB1], ignoreOrder: true);

        var coverage = (await RoundCoverage.HandleAsync(db, TimeProvider.System, round, WebTestData.County)).Value!;
        coverage.Total.Exempted.ShouldBe(2);

        var compounds = (await EvaluateAreaCriteria.ForCompoundsAsync(db, WebTestData.County, Day)).Value!;
        compounds.Single(l => l.Key == world.CompoundA.ToString()).RoundExempted.ShouldBe(1);
        compounds.Single(l => l.Key == world.CompoundB.ToString()).RoundExempted.ShouldBe(1);

        var regions = (await EvaluateAreaCriteria.ForRegionsAsync(db, WebTestData.County, RegionLevel.Community, Day)).Value!;
        regions.Single(l => l.Key == WebTestData.Community).RoundExempted.ShouldBe(1);
        regions.Single(l => l.Key == WebTestData.OtherCommunity).RoundExempted.ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ExemptedNotSwabbed_ByADeadline_CountsASwabTakenAfterIt_AsNotSwabbed(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        var round = await world.AddRoundAsync(WebTestData.County, Day.AddDays(-1), (CriteriaWorld.ResidentA1, TestResult.Negative));
        await ExemptAsync(database, round, CriteriaWorld.ResidentA1);
        var swabbedAt = new DateTimeOffset(Day.AddDays(-1).ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));

        await using var db = database.NewContext();
        (await PeopleAsync(db, ExemptedNotSwabbed.In(db, [round], swabbedBy: swabbedAt.AddMinutes(-1)))).ShouldBe([CriteriaWorld.ResidentA1], ignoreOrder: true);
        (await PeopleAsync(db, ExemptedNotSwabbed.In(db, [round], swabbedBy: swabbedAt))).ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NewLocalInfection_TheDatabaseAndMemoryAgree_AndBothCriteriaUseIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        await world.AddCaseAsync(CriteriaWorld.ResidentA1, Day.AddDays(-5));
        await world.AddCaseAsync(CriteriaWorld.ResidentA1, Day.AddDays(-2), convertedFrom: "JL-1");
        await world.AddCaseAsync(CriteriaWorld.ResidentA2, Day.AddDays(-1), CaseSource.Import);
        await world.AddCaseAsync(CriteriaWorld.ResidentB1, Day.AddDays(-3), CaseSource.Import);

        await using var db = database.NewContext();
        var all = await db.Cases.AsNoTracking().ToListAsync();
        var inDatabase = await db.Cases.AsNoTracking().NewLocalInfections().Select(c => c.Id).ToListAsync();
        inDatabase.ShouldBe(all.Where(NewLocalInfection.Is).Select(c => c.Id).ToList(), ignoreOrder: true);
        inDatabase.Count.ShouldBe(1);

        var compounds = (await EvaluateAreaCriteria.ForCompoundsAsync(db, WebTestData.County, Day)).Value!;
        compounds.Single(l => l.Key == world.CompoundA.ToString()).LastInfectionOn.ShouldBe(Day.AddDays(-5));
        compounds.Single(l => l.Key == world.CompoundB.ToString()).LastInfectionOn.ShouldBeNull();
        var regions = (await EvaluateAreaCriteria.ForRegionsAsync(db, WebTestData.County, RegionLevel.Community, Day)).Value!;
        regions.Single(l => l.Key == WebTestData.Community).LastInfectionOn.ShouldBe(Day.AddDays(-5));
        regions.Single(l => l.Key == WebTestData.OtherCommunity).LastInfectionOn.ShouldBeNull();
    }

    private static async Task ExemptAsync(TestDatabase database, long round, params string[] idNumbers)
    {
        await using var db = database.NewContext();
        foreach (var person in await db.Persons.Where(p => idNumbers.Contains(p.DocumentNumber)).ToListAsync())
        {
            db.RoundExemptions.Add(new RoundExemption(round, person.Id, person.RegionCode, ExemptionKind.Other, "卧床", "county", DateTimeOffset.UtcNow));
        }

        await db.SaveChangesAsync();
        // The world is written around the use cases (swabs in plain SQL, exemptions straight into
        // the context), so the round's figures (ADR 0029) are rebuilt from it as an upgrade would.
        await Fangkong.Testing.Tallies.RoundTallyCheck.RebuildAsync(db, round);
    }

    private static async Task<List<string>> PeopleAsync(FangkongDbContext db, IQueryable<RoundExemption> exemptions)
    {
        var ids = await exemptions.Select(e => e.PersonId).ToListAsync();
        return await db.Persons.Where(p => ids.Contains(p.Id)).Select(p => p.DocumentNumber).ToListAsync();
    }
}
