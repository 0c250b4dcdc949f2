using Fangkong.Access;
using Fangkong.Areas;
using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Regions;
using Fangkong.Testing;

namespace Fangkong.IntegrationTests.Areas;

/// <summary>The set-based lifting criteria, on both sides of each threshold (14 clean days, a round within 2 days).</summary>
public sealed class AreaCriteriaTests
{
    private static readonly DateOnly Day = CriteriaWorld.Day;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NewInfection_ThirteenCleanDays_Fails_FourteenHolds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        await world.AddCaseAsync(CriteriaWorld.ResidentA1, Day.AddDays(-14));
        await world.AddCaseAsync(CriteriaWorld.ResidentB1, Day.AddDays(-13));

        var lines = await CompoundsAsync(database, Day);

        var a = lines.Single(l => l.Key == world.CompoundA.ToString());
        (a.LastInfectionOn, a.CleanDays, a.NoNewInfection).ShouldBe((Day.AddDays(-14), 14, true));
        var b = lines.Single(l => l.Key == world.CompoundB.ToString());
        (b.LastInfectionOn, b.CleanDays, b.NoNewInfection).ShouldBe((Day.AddDays(-13), 13, false));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NewInfection_ConversionsAndImportsAreNotNewInfections_AndLaterReportsAreIgnored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        await world.AddCaseAsync(CriteriaWorld.ResidentA1, Day.AddDays(-20));
        await world.AddCaseAsync(CriteriaWorld.ResidentA1, Day.AddDays(-2), convertedFrom: "JL-1");
        await world.AddCaseAsync(CriteriaWorld.ResidentA2, Day.AddDays(-1), CaseSource.Import);
        await world.AddCaseAsync(CriteriaWorld.ResidentB1, Day.AddDays(1));

        var lines = await CompoundsAsync(database, Day);

        lines.Single(l => l.Key == world.CompoundA.ToString()).LastInfectionOn.ShouldBe(Day.AddDays(-20));
        var b = lines.Single(l => l.Key == world.CompoundB.ToString());
        (b.LastInfectionOn, b.NoNewInfection).ShouldBe((null, true));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CloseContact_ThirteenDaysPastExposure_Fails_FourteenAndNegativeHolds_FourteenUntestedFails(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        await world.AddContactAsync(CriteriaWorld.ResidentA1, Day.AddDays(-14));
        await world.AddContactAsync(CriteriaWorld.ResidentB1, Day.AddDays(-13), WebTestData.OtherCommunity);
        var quarantine = await world.AddRoundAsync(WebTestData.County, Day.AddDays(-30));
        await world.SwabAsync(quarantine, CriteriaWorld.ResidentA1, At(Day.AddDays(-2)), TestResult.Negative);
        await world.SwabAsync(quarantine, CriteriaWorld.ResidentB1, At(Day.AddDays(-2)), TestResult.Negative);

        var lines = await CompoundsAsync(database, Day);
        var a = lines.Single(l => l.Key == world.CompoundA.ToString());
        (a.LastContactExposureOn, a.LastContactTestedNegative, a.ContactsCleared).ShouldBe((Day.AddDays(-14), true, true));
        var b = lines.Single(l => l.Key == world.CompoundB.ToString());
        (b.LastContactExposureOn, b.LastContactTestedNegative, b.ContactsCleared).ShouldBe((Day.AddDays(-13), true, false));

        // A second contact of the same last date, never tested: that date's contacts are not all negative.
        await world.AddContactAsync(CriteriaWorld.ResidentA2, Day.AddDays(-14));
        var again = (await CompoundsAsync(database, Day)).Single(l => l.Key == world.CompoundA.ToString());
        (again.LastContactTestedNegative, again.ContactsCleared).ShouldBe((false, false));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CloseContact_NegativeOnlyBeforeOrOnTheExposureDay_DoesNotCount(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        await world.AddContactAsync(CriteriaWorld.ResidentA1, Day.AddDays(-15));
        var round = await world.AddRoundAsync(WebTestData.County, Day.AddDays(-30));
        await world.SwabAsync(round, CriteriaWorld.ResidentA1, At(Day.AddDays(-15)), TestResult.Negative);

        var a = (await CompoundsAsync(database, Day)).Single(l => l.Key == world.CompoundA.ToString());
        (a.LastContactTestedNegative, a.ContactsCleared).ShouldBe((false, false));

        await world.SwabAsync(round, CriteriaWorld.ResidentA1, At(Day.AddDays(-14)), TestResult.Negative);
        (await CompoundsAsync(database, Day)).Single(l => l.Key == world.CompoundA.ToString()).ContactsCleared.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Round_ThreeDaysBefore_DoesNotCount_TwoDaysBeforeCompleteAndNegativeHolds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        await world.AddRoundAsync(WebTestData.County, Day.AddDays(-3),
            (CriteriaWorld.ResidentA1, TestResult.Negative), (CriteriaWorld.ResidentA2, TestResult.Negative), (CriteriaWorld.ResidentB1, TestResult.Negative));

        var before = (await CompoundsAsync(database, Day)).Single(l => l.Key == world.CompoundA.ToString());
        (before.RoundId, before.RoundClean, before.AllHold).ShouldBe((null, false, false));

        var round = await world.AddRoundAsync(WebTestData.Community, Day.AddDays(-2), (CriteriaWorld.ResidentA1, TestResult.Negative), (CriteriaWorld.ResidentA2, TestResult.Negative));
        var lines = await CompoundsAsync(database, Day);
        var a = lines.Single(l => l.Key == world.CompoundA.ToString());
        (a.RoundId, a.RoundOn, a.Residents, a.RoundNegative, a.RoundMissing, a.RoundClean, a.AllHold).ShouldBe((round, Day.AddDays(-2), 2L, 2L, 0L, true, true));

        // The round covered 吉源社区 only: 松北小区 has none in the window.
        var b = lines.Single(l => l.Key == world.CompoundB.ToString());
        (b.RoundId, b.RoundClean).ShouldBe((null, false));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Round_WithAPositive_OrAResidentMissing_OrNoResultYet_IsNotClean_AnExemptionCompletesIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        await world.AddRoundAsync(WebTestData.Community, Day.AddDays(-1), (CriteriaWorld.ResidentA1, TestResult.Negative), (CriteriaWorld.ResidentA2, TestResult.Positive));
        var positive = (await CompoundsAsync(database, Day)).Single(l => l.Key == world.CompoundA.ToString());
        (positive.RoundPositive, positive.RoundClean).ShouldBe((1L, false));

        await using var fresh = await TestDatabase.CreateAsync(provider);
        var other = await CriteriaWorld.CreateAsync(fresh);
        var round = await other.AddRoundAsync(WebTestData.Community, Day, (CriteriaWorld.ResidentA1, TestResult.Negative), (CriteriaWorld.ResidentA2, null));
        var pending = (await CompoundsAsync(fresh, Day)).Single(l => l.Key == other.CompoundA.ToString());
        (pending.RoundNegative, pending.RoundMissing, pending.RoundClean).ShouldBe((1L, 1L, false));

        await using var third = await TestDatabase.CreateAsync(provider);
        var missing = await CriteriaWorld.CreateAsync(third);
        var only = await missing.AddRoundAsync(WebTestData.Community, Day.AddDays(-1), (CriteriaWorld.ResidentA1, TestResult.Negative));
        (await CompoundsAsync(third, Day)).Single(l => l.Key == missing.CompoundA.ToString()).RoundClean.ShouldBeFalse();
        await using (var db = third.NewContext())
        {
            var person = db.Persons.Single(p => p.DocumentNumber == CriteriaWorld.ResidentA2);
            db.RoundExemptions.Add(new RoundExemption(only, person.Id, person.RegionCode, ExemptionKind.Other, "外地", "county", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }

        var exempted = (await CompoundsAsync(third, Day)).Single(l => l.Key == missing.CompoundA.ToString());
        (exempted.RoundExempted, exempted.RoundMissing, exempted.RoundClean).ShouldBe((1L, 0L, true));
        round.ShouldBeGreaterThan(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Settings_ChangeTheThresholds(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        await world.AddCaseAsync(CriteriaWorld.ResidentA1, Day.AddDays(-7));
        await world.AddRoundAsync(WebTestData.Community, Day.AddDays(-3), (CriteriaWorld.ResidentA1, TestResult.Negative), (CriteriaWorld.ResidentA2, TestResult.Negative));

        var seven = new AreaCriteriaSettings(CleanDays: 7, RoundWindowDays: 3);
        var a = (await CompoundsAsync(database, Day, seven)).Single(l => l.Key == world.CompoundA.ToString());
        (a.NoNewInfection, a.RoundClean, a.AllHold).ShouldBe((true, true, true));
        var eight = new AreaCriteriaSettings(CleanDays: 8, RoundWindowDays: 2);
        var b = (await CompoundsAsync(database, Day, eight)).Single(l => l.Key == world.CompoundA.ToString());
        (b.NoNewInfection, b.RoundClean).ShouldBe((false, false));

        await using var db = database.NewContext();
        var refused = await EvaluateAreaCriteria.ForCompoundsAsync(db, WebTestData.County, Day, new AreaCriteriaSettings(0, 2));
        refused.Error!.Kind.ShouldBe(ErrorKind.Invalid);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Regions_CommunityLevel_CountsCasesAndContactsByAddress_AndRoundsByResidents(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        await world.AddCaseAsync(CriteriaWorld.ResidentA1, Day.AddDays(-5));
        await world.AddContactAsync(CriteriaWorld.ResidentB1, Day.AddDays(-20), WebTestData.OtherCommunity);
        await world.AddRoundAsync(WebTestData.Street, Day.AddDays(-1),
            (CriteriaWorld.ResidentA1, TestResult.Negative), (CriteriaWorld.ResidentA2, TestResult.Negative), (CriteriaWorld.ResidentB1, TestResult.Negative));

        await using var db = database.NewContext();
        var lines = (await EvaluateAreaCriteria.ForRegionsAsync(db, WebTestData.County, RegionLevel.Community, Day)).Value!;

        lines.Select(l => l.Key).ShouldBe([WebTestData.Community, WebTestData.OtherCommunity]);
        var jiyuan = lines[0];
        (jiyuan.LastInfectionOn, jiyuan.NoNewInfection, jiyuan.AllHold).ShouldBe((Day.AddDays(-5), false, false));

        // 吉源社区 also has the two seeded residents without a compound, who were not swabbed.
        (jiyuan.Residents, jiyuan.RoundNegative, jiyuan.RoundClean).ShouldBe((4L, 2L, false));
        var songbei = lines[1];
        (songbei.LastContactExposureOn, songbei.LastContactTestedNegative, songbei.ContactsCleared, songbei.Residents, songbei.RoundClean)
            .ShouldBe((Day.AddDays(-20), true, true, 2L, false));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Regions_AnUnregisteredContact_IsClearedByANegativeSwabOfItsDocument(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        var visitor = WebTestData.IdNumberFor(WebTestData.OtherCommunity, "19910101", 21);
        await world.AddContactAsync(visitor, Day.AddDays(-20), WebTestData.OtherCommunity);

        var before = await RegionLineAsync(database, WebTestData.OtherCommunity);
        (before.LastContactTestedNegative, before.ContactsCleared).ShouldBe((false, false));

        var round = await world.AddRoundAsync(WebTestData.County, Day.AddDays(-30));
        await world.SwabVisitorAsync(round, visitor, WebTestData.OtherCommunity, At(Day.AddDays(-6)), TestResult.Negative);
        var after = await RegionLineAsync(database, WebTestData.OtherCommunity);
        (after.LastContactTestedNegative, after.ContactsCleared).ShouldBe((true, true));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Scope_OutsideTheJurisdiction_IsForbidden_AndTheEvaluationSeesOnlyItsOwnCounty(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await CriteriaWorld.CreateAsync(database);
        await using var db = database.NewContext(new Jurisdiction("other", WebTestData.OtherCounty, false));

        var refused = await EvaluateAreaCriteria.ForCompoundsAsync(db, WebTestData.County, Day);
        refused.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        var wide = await EvaluateAreaCriteria.ForCompoundsAsync(db, "2202", Day);
        wide.Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        var own = await EvaluateAreaCriteria.ForCompoundsAsync(db, WebTestData.OtherCounty, Day);
        own.Value!.ShouldBeEmpty();
    }

    private static async Task<AreaCriteria> RegionLineAsync(TestDatabase database, string code)
    {
        await using var db = database.NewContext();
        var lines = (await EvaluateAreaCriteria.ForRegionsAsync(db, WebTestData.County, RegionLevel.Community, Day)).Value!;
        return lines.Single(l => l.Key == code);
    }

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(8));

    private static async Task<IReadOnlyList<AreaCriteria>> CompoundsAsync(TestDatabase database, DateOnly day, AreaCriteriaSettings? settings = null)
    {
        await using var db = database.NewContext();
        var result = await EvaluateAreaCriteria.ForCompoundsAsync(db, WebTestData.County, day, settings);
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        return result.Value!;
    }
}
