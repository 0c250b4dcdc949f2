using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.IntegrationTests.Quarantine;
using Fangkong.Quarantine;
using Fangkong.Quarantine.HomeMonitoring;
using Fangkong.Quarantine.Stay;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Quarantine.Transfers.FlowWorld;

namespace Fangkong.IntegrationTests.Rules2022;

/// <summary>
/// Rule 4 of issue 15, central quarantine: 双采双检 before a close contact's release under the 8th
/// edition (not under the 9th), and the early release of a secondary contact once its close
/// contact's first tests — as many as the plan sets — are negative.
/// </summary>
public sealed class ContactReleaseRulesTests
{
    private static readonly TimeProvider Time = TimeProvider.System;

    private static readonly DateOnly NinthDay = new(2022, 7, 10);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EighthEdition_ACloseContactWithOneSampleOnDay14_IsRefused_TwoLabsBothNegative_IsReleased(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        var placement = await CheckedInAsync(db, "MJ-1", Zhang, "张伟", ContactKind.Close, Day1, "吉B12345");
        foreach (var day in new[] { 1, 4, 7 })
        {
            (await TestAsync(db, placement, Day1.AddDays(day - 1), "negative")).IsSuccess.ShouldBeTrue();
        }

        var day14 = Day1.AddDays(13);
        (await TestAsync(db, placement, day14, "negative", lab: "吉林市疾控中心")).IsSuccess.ShouldBeTrue();
        var releaseAt = At(Day1.AddDays(14), 9);

        var single = await Release.HandleAsync(db, Time, new Release.Command(placement.Id, releaseAt));
        var sameLab = await TestAsync(db, placement, day14, "negative", lab: "吉林市疾控中心", secondLab: "吉林市疾控中心", secondResult: "negative");
        var noSecondLab = await TestAsync(db, placement, day14, "negative", lab: "吉林市疾控中心", secondResult: "negative");
        var badSecond = await TestAsync(db, placement, day14, "negative", lab: "吉林市疾控中心", secondLab: "金域医学检验所", secondResult: "maybe");
        var dual = await TestAsync(db, placement, day14, "negative", lab: "吉林市疾控中心", secondLab: "金域医学检验所", secondResult: "negative");
        var other = await TestAsync(db, placement, day14, "negative", lab: "吉林市疾控中心", secondLab: "华大基因", secondResult: "negative");
        var released = await Release.HandleAsync(db, Time, new Release.Command(placement.Id, releaseAt));

        single.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        single.Error.Message.ShouldContain("双采双检");
        single.Error.Message.ShouldContain("14");
        sameLab.Error!.Field.ShouldBe("secondLab");
        noSecondLab.Error!.Field.ShouldBe("secondLab");
        badSecond.Error!.Field.ShouldBe("secondResult");
        (dual.Value!.DualNegative, dual.Value.Changed).ShouldBe((true, true));
        other.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        released.IsSuccess.ShouldBeTrue(released.Error?.Message);
        released.Value!.Criterion.ShouldContain("双采双检");
        await using var check = database.NewContext();
        var watch = await check.HomeWatches.AsNoTracking().SingleAsync();
        (watch.TestDays, watch.StartsOn, watch.EndsOn).ShouldBe(("2,7", Day1.AddDays(14), Day1.AddDays(20)));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EighthEdition_ASecondSampleThatIsPositive_RefusesTheRelease(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        var placement = await CheckedInAsync(db, "MJ-1", Zhang, "张伟", ContactKind.Close, Day1, "吉B12345");
        foreach (var day in new[] { 1, 4, 7 })
        {
            await TestAsync(db, placement, Day1.AddDays(day - 1), "negative");
        }

        (await TestAsync(db, placement, Day1.AddDays(13), "negative", lab: "吉林市疾控中心", secondLab: "金域医学检验所", secondResult: "positive")).Value!.DualNegative.ShouldBeFalse();

        var refused = await Release.HandleAsync(db, Time, new Release.Command(placement.Id, At(Day1.AddDays(14), 9)));

        refused.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        refused.Error.Message.ShouldContain("阳性");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NinthEdition_ACloseContactWithOneSampleEachDay_IsReleased_NoDualSamplingAsked(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        var placement = await CheckedInAsync(db, "MJ-9", Zhang, "张伟", ContactKind.Close, NinthDay, "吉B12345");
        foreach (var day in new[] { 1, 2, 3, 5, 7 })
        {
            (await TestAsync(db, placement, NinthDay.AddDays(day - 1), "negative")).IsSuccess.ShouldBeTrue();
        }

        var released = await Release.HandleAsync(db, Time, new Release.Command(placement.Id, At(NinthDay.AddDays(7), 9)));

        released.IsSuccess.ShouldBeTrue(released.Error?.Message);
        released.Value!.Criterion.ShouldNotContain("双采双检");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EighthEdition_ASecondaryContact_IsRefusedAfterOneNegativeOfItsCloseContact_AndReleasedEarlyAfterTwo(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        var close = await CheckedInAsync(db, "MJ-0", Zhang, "张伟", ContactKind.Close, Day1, "吉B12345");
        var secondary = await CheckedInAsync(db, "CMJ-1", Li, "李娜", ContactKind.Secondary, Day1, "吉B23456");
        await TestAsync(db, close, Day1, "negative");

        var afterOne = await Release.HandleAsync(db, Time, new Release.Command(secondary.Id, At(Day1.AddDays(1), 16)));
        await TestAsync(db, close, Day1.AddDays(3), "negative");
        var afterTwo = await Release.HandleAsync(db, Time, new Release.Command(secondary.Id, At(Day1.AddDays(3), 16)));

        afterOne.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        afterOne.Error.Message.ShouldContain("MJ-0");
        afterOne.Error.Message.ShouldContain($"最早 {Day1.AddDays(7):yyyy-MM-dd}");
        afterTwo.IsSuccess.ShouldBeTrue(afterTwo.Error?.Message);
        afterTwo.Value!.Criterion.ShouldContain("提前解除");
        await using var check = database.NewContext();
        (await check.Contacts.SingleAsync(c => c.ContactNo == "CMJ-1")).ReleasedOn.ShouldBe(Day1.AddDays(3));
        (await check.Contacts.SingleAsync(c => c.ContactNo == "MJ-0")).ReleasedOn.ShouldBeNull();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EighthEdition_ASecondaryContactWhoseCloseContactIsPositive_IsNotReleasedEarly(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        var close = await CheckedInAsync(db, "MJ-0", Zhang, "张伟", ContactKind.Close, Day1, "吉B12345");
        var secondary = await CheckedInAsync(db, "CMJ-1", Li, "李娜", ContactKind.Secondary, Day1, "吉B23456");
        await TestAsync(db, close, Day1, "negative");
        await TestAsync(db, close, Day1.AddDays(3), "positive");

        var refused = await Release.HandleAsync(db, Time, new Release.Command(secondary.Id, At(Day1.AddDays(3), 16)));

        refused.Error!.Kind.ShouldBe(ErrorKind.Conflict);
        refused.Error.Message.ShouldContain("阳性");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AProvinceEditionAskingForOneTest_ReleasesTheSecondaryContactAfterOneNegative(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        var eighth = await db.PolicyVersions.AsNoTracking().SingleAsync(v => v.Code == PolicyVersions.Eighth);
        var added = await AddPolicyVersion.HandleAsync(db, new AddPolicyVersion.Command(
            "jilin-early-1", "吉林省次密接提前解除", "22", new DateOnly(2022, 3, 1), eighth.ToTerms(), eighth.PoolSizesByArea(), AreaScheme.SealedControlled,
            new PolicyVersion.ExtraTerms(new ContactReleaseRules(true, 1), BothAreaSchemes: true)));
        added.IsSuccess.ShouldBeTrue(added.Error?.Message);
        var close = await CheckedInAsync(db, "MJ-0", Zhang, "张伟", ContactKind.Close, Day1, "吉B12345");
        var secondary = await CheckedInAsync(db, "CMJ-1", Li, "李娜", ContactKind.Secondary, Day1, "吉B23456");

        var none = await Release.HandleAsync(db, Time, new Release.Command(secondary.Id, At(Day1, 16)));
        await TestAsync(db, close, Day1, "negative");
        var afterOne = await Release.HandleAsync(db, Time, new Release.Command(secondary.Id, At(Day1.AddDays(1), 9)));

        none.Error!.Message.ShouldContain("MJ-0");
        afterOne.IsSuccess.ShouldBeTrue(afterOne.Error?.Message);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PlanData_TheEighthEditionTestsOnHomeDays2And7_WithDualSamplingAndEarlyRelease_TheNinthWithNeither(DatabaseProvider provider)
    {
        await using var database = await CreateAsync(provider);
        await using var db = database.NewContext();
        var eighth = await db.PolicyVersions.AsNoTracking().SingleAsync(v => v.Code == PolicyVersions.Eighth);
        var ninth = await db.PolicyVersions.AsNoTracking().SingleAsync(v => v.Code == PolicyVersions.Ninth);
        var terms = ninth.ToTerms();

        var tooMany = await AddPolicyVersion.HandleAsync(db, new AddPolicyVersion.Command(
            "x-6", "六次", "22", NinthDay, terms, Extra: new PolicyVersion.ExtraTerms(new ContactReleaseRules(false, 6), false)));
        var moreThanTests = await AddPolicyVersion.HandleAsync(db, new AddPolicyVersion.Command(
            "x-7", "七次", "22", NinthDay, terms with { Close = terms.Close with { CentralTestDays = [1, 2], HomeTestDays = [] } },
            Extra: new PolicyVersion.ExtraTerms(new ContactReleaseRules(false, 3), false)));
        var risk = await AddPolicyVersion.HandleAsync(db, new AddPolicyVersion.Command("x-risk", "风险等级", "22", NinthDay, terms, AreaScheme: AreaScheme.RiskLevels));

        (eighth.CloseHomeTestDays, eighth.ReleaseDualSampling, eighth.SecondaryEarlyReleaseTests, eighth.BothAreaSchemes).ShouldBe(("2,7", true, 2, true));
        (ninth.CloseHomeTestDays, ninth.ReleaseDualSampling, ninth.SecondaryEarlyReleaseTests, ninth.BothAreaSchemes).ShouldBe(("3", false, 0, false));
        tooMany.Error!.Field.ShouldBe("secondaryEarlyReleaseTests");
        moreThanTests.Error!.Field.ShouldBe("secondaryEarlyReleaseTests");
        await using var check = database.NewContext();
        (await check.PolicyVersions.AsNoTracking().SingleAsync(v => v.Id == risk.Value!.Id)).AreaScheme.ShouldBe(AreaScheme.RiskLevels);
    }

    /// <summary>A contact identified and last exposed on <paramref name="day"/>, placed and checked in that day.</summary>
    private static async Task<Placement> CheckedInAsync(FangkongDbContext db, string no, string idNumber, string name, ContactKind kind, DateOnly day, string plate)
    {
        var site = await db.QuarantineSites.FirstOrDefaultAsync() ?? await QuarantineWorld.SiteAsync(db, "吉林宾馆");
        var placement = await PlaceContactAsync(db, site, await ContactAsync(db, no, idNumber, name, WebTestData.Community, kind, day));
        var task = await ArrivedAsync(db, placement, await VehicleAsync(db, plate, 4));
        var at = At(day, 13);
        var checkedIn = await CheckIn.HandleAsync(db, Time, new CheckIn.Command(task.Id, null, at > T0.AddHours(5) ? at : T0.AddHours(5)));
        checkedIn.IsSuccess.ShouldBeTrue(checkedIn.Error?.Message);
        return placement;
    }

    private static Task<Result<RecordStayTest.Recorded>> TestAsync(
        FangkongDbContext db, Placement placement, DateOnly day, string result, string? lab = null, string? secondLab = null, string? secondResult = null) =>
        RecordStayTest.HandleAsync(db, Time, new RecordStayTest.Command(placement.Id, At(day, 15), result, null, null, lab, secondLab, secondResult));

    private static DateTimeOffset At(DateOnly day, int hour) => new(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8));
}
