using Fangkong.Areas;
using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Areas;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Rules2022;

/// <summary>
/// Rule 6 of issue 15: Jilin City's 三区 (sealed / controlled / precaution) and the national risk list
/// were both in force. Under the 8th edition a unit holds one designation per scheme, side by side; a
/// new level replaces only its own scheme's; each lifts by its own scheme's rule; the pool advice reads
/// the stricter. The 9th edition allows the risk levels only.
/// </summary>
public sealed class BothAreaSchemesTests
{
    private const string Body = "吉林市疫情防控指挥部";

    private static readonly DateOnly March10 = new(2022, 3, 10);

    private static readonly DateOnly July10 = new(2022, 7, 10);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EighthEdition_ACommunityIsSealedAndHighRiskAtOnce_ANewThreeZoneLevelReplacesOnlyTheSealedOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await using var db = database.NewContext();

        var sealedArea = await DesignateAsync(db, WebTestData.Community, AreaLevel.Sealed, March10);
        var high = await DesignateAsync(db, WebTestData.Community, AreaLevel.HighRisk, March10.AddDays(1));
        var again = await DesignateAsync(db, WebTestData.Community, AreaLevel.HighRisk, March10.AddDays(2));
        var controlled = await DesignateAsync(db, WebTestData.Community, AreaLevel.Controlled, March10.AddDays(3));

        sealedArea.IsSuccess.ShouldBeTrue(sealedArea.Error?.Message);
        high.IsSuccess.ShouldBeTrue(high.Error?.Message);
        again.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        controlled.IsSuccess.ShouldBeTrue(controlled.Error?.Message);
        await using var check = database.NewContext();
        var active = (await ListDesignations.HandleAsync(check, WebTestData.Community, activeOnly: true, null, null)).Value!.Items;
        active.Select(d => (d.Level, d.Scheme)).OrderBy(x => x.Scheme)
            .ShouldBe([(AreaLevel.Controlled, AreaScheme.SealedControlled), (AreaLevel.HighRisk, AreaScheme.RiskLevels)]);
        (await check.AreaDesignations.SingleAsync(d => d.Id == sealedArea.Value!.Id)).EndsOn.ShouldBe(March10.AddDays(3));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NinthEdition_AThreeZoneLevelIsRefusedNamingTheLevel_ARiskLevelIsDesignated(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await using var db = database.NewContext();

        var sealedArea = await DesignateAsync(db, WebTestData.Community, AreaLevel.Sealed, July10);
        var high = await DesignateAsync(db, WebTestData.Community, AreaLevel.HighRisk, July10);

        sealedArea.Error!.Field.ShouldBe("level");
        high.IsSuccess.ShouldBeTrue(high.Error?.Message);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PoolAdvice_WithBothSchemesInForce_TheStricterWins(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await using var db = database.NewContext();
        (await DesignateAsync(db, WebTestData.Community, AreaLevel.Controlled, March10)).IsSuccess.ShouldBeTrue();
        (await DesignateAsync(db, WebTestData.Community, AreaLevel.HighRisk, March10.AddDays(2))).IsSuccess.ShouldBeTrue();
        (await DesignateAsync(db, WebTestData.OtherCommunity, AreaLevel.Controlled, March10)).IsSuccess.ShouldBeTrue();
        (await DesignateAsync(db, WebTestData.OtherCommunity, AreaLevel.MediumRisk, March10)).IsSuccess.ShouldBeTrue();

        var controlledOnly = (await AdvisePoolSize.HandleAsync(db, WebTestData.Community, null, March10.AddDays(1))).Value!;
        var controlledAndHigh = (await AdvisePoolSize.HandleAsync(db, WebTestData.Community, null, March10.AddDays(2))).Value!;
        var controlledAndMedium = (await AdvisePoolSize.HandleAsync(db, WebTestData.OtherCommunity, null, March10)).Value!;

        (controlledOnly.PoolSize, controlledOnly.Level).ShouldBe((5, AreaLevel.Controlled));
        (controlledAndHigh.PoolSize, controlledAndHigh.Level).ShouldBe((1, AreaLevel.HighRisk));
        controlledAndMedium.PoolSize.ShouldBe(5);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ACompoundSealedAndMediumRisk_EachLiftsByItsOwnRule_AndApprovingOneLeavesTheOther(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        var day = CriteriaWorld.Day;
        await using (var db = database.NewContext())
        {
            (await DesignateCompoundAsync(db, world.CompoundA, AreaLevel.Sealed, day.AddDays(-20))).IsSuccess.ShouldBeTrue();
            (await DesignateCompoundAsync(db, world.CompoundA, AreaLevel.MediumRisk, day.AddDays(-10))).IsSuccess.ShouldBeTrue();
        }

        await world.AddCaseAsync(CriteriaWorld.ResidentA1, day.AddDays(-13));
        await world.AddRoundAsync(WebTestData.Community, day.AddDays(-1), (CriteriaWorld.ResidentA1, TestResult.Negative), (CriteriaWorld.ResidentA2, TestResult.Negative));

        // Day: 13 clean days, the sealed area stays; the medium-risk area, 10 days without a new case since it began, lifts (the risk list's rule).
        var first = await ProposeAsync(database, day);
        await using (var db = database.NewContext())
        {
            var pending = await db.AreaProposals.AsNoTracking().Where(p => p.Status == ProposalStatus.Pending).ToListAsync();
            pending.Select(p => (p.FromLevel, p.ToLevel, p.Rule)).ShouldBe([(AreaLevel.MediumRisk, (AreaLevel?)null, ProposalRule.MediumToLow)]);
            var decided = await DecideAreaProposal.HandleAsync(db, TimeProvider.System, new DecideAreaProposal.Command(pending[0].Id, true, "会商同意", Body, day));
            decided.IsSuccess.ShouldBeTrue(decided.Error?.Message);
            decided.Value!.Ended!.Level.ShouldBe(AreaLevel.MediumRisk);
        }

        // Day + 1: 14 clean days, a close contact-free compound and a negative round: the sealed area lifts (三区's rule).
        var second = await ProposeAsync(database, day.AddDays(1));
        await using var check = database.NewContext();
        var sealedLift = await check.AreaProposals.AsNoTracking().SingleAsync(p => p.Status == ProposalStatus.Pending);
        (sealedLift.FromLevel, sealedLift.ToLevel, sealedLift.Rule).ShouldBe((AreaLevel.Sealed, null, ProposalRule.LiftingCriteriaMet));
        (await check.AreaDesignations.AsNoTracking().SingleAsync(d => d.EndsOn == null)).Level.ShouldBe(AreaLevel.Sealed);
        (first.Proposed, second.Proposed).ShouldBe((1, 1));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheMap_ShowsEachSchemesLevelSideBySide_ColouredByTheStricter(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await using var db = database.NewContext();
        (await DesignateAsync(db, WebTestData.Community, AreaLevel.Controlled, March10)).IsSuccess.ShouldBeTrue();
        (await DesignateAsync(db, WebTestData.Community, AreaLevel.HighRisk, March10)).IsSuccess.ShouldBeTrue();

        var map = (await AreaMapData.HandleAsync(db, WebTestData.Community[..4])).Value!;

        var county = map.Counties.Single(c => c.Code == WebTestData.County);
        county.Worst.ShouldBe(AreaLevel.HighRisk);
        county.WorstByScheme!.OrderBy(x => x.Key).Select(x => x.Value).ShouldBe([AreaLevel.Controlled, AreaLevel.HighRisk]);
    }

    private static Task<Result<AreaDesignation>> DesignateAsync(FangkongDbContext db, string region, AreaLevel level, DateOnly on) =>
        DesignateArea.HandleAsync(db, new DesignateArea.Command(AreaUnitKind.Region, region, null, level, on, "出现阳性", Body));

    private static Task<Result<AreaDesignation>> DesignateCompoundAsync(FangkongDbContext db, long compound, AreaLevel level, DateOnly on) =>
        DesignateArea.HandleAsync(db, new DesignateArea.Command(AreaUnitKind.Compound, null, compound, level, on, "出现阳性", Body));

    private static async Task<ProposeAreaChanges.Summary> ProposeAsync(TestDatabase database, DateOnly day)
    {
        await using var db = database.NewContext();
        var result = await ProposeAreaChanges.HandleAsync(db, TimeProvider.System, WebTestData.County, day);
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        return result.Value!;
    }
}
