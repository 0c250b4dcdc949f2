using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.InfectionFree;
using Fangkong.IntegrationTests.Areas;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.InfectionFree;

/// <summary>
/// Infection-free labels: community applies, township reviews, county registers, each refused at
/// the wrong level or when the criteria fail; removed with a notice when a new positive appears.
/// </summary>
public sealed class InfectionFreeTests
{
    private static readonly DateOnly Day = CriteriaWorld.Day;
    private static readonly TimeProvider Today = Clocks.NoonInChina(Day);
    private static readonly Jurisdiction Community = new("community", WebTestData.Community, false);
    private static readonly Jurisdiction Township = new("dadong", WebTestData.Street, false);
    private static readonly Jurisdiction County = new("county", WebTestData.County, false);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ApplyReviewRegister_WhenCriteriaHold_ThenANewPositive_RemovesTheLabelWithANotice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CleanCompoundAsync(database);

        var id = await StepsAsync(database, world.CompoundA);

        await world.AddCaseAsync(CriteriaWorld.ResidentA1, Day.AddDays(1));
        await using (var system = database.NewContext())
        {
            var quiet = (await RecheckLabels.HandleAsync(system, Today, Day)).Value!;
            quiet.Removed.ShouldBe(0);
            var recheck = (await RecheckLabels.HandleAsync(system, Today, Day.AddDays(1))).Value!;
            (recheck.Checked, recheck.Removed).ShouldBe((1, 1));
            (await RecheckLabels.HandleAsync(system, Today, Day.AddDays(1))).Value!.Checked.ShouldBe(0);
        }

        await using var read = database.NewContext(Community);
        var view = (await ListLabels.HandleAsync(read, null, 1, 20)).Value!;
        var label = view.Labels.Items.ShouldHaveSingleItem();
        (label.Id, label.Status).ShouldBe((id, LabelStatus.Removed));
        label.RemovalReason!.ShouldContain("2022-04-21");
        view.Notices.ShouldHaveSingleItem().Message.ShouldContain("吉源小区");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EachStep_AtTheWrongLevel_IsForbidden_AndOutOfOrder_IsAConflict(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CleanCompoundAsync(database);
        var apply = new LabelSteps.Apply("Compound", world.CompoundA, null);

        await using (var county = database.NewContext(County))
        {
            (await LabelSteps.ApplyAsync(county, Today, apply)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        }

        long id;
        await using (var community = database.NewContext(Community))
        {
            id = (await LabelSteps.ApplyAsync(community, Today, apply)).Value!.Id;
            (await LabelSteps.ApplyAsync(community, Today, apply)).Error!.Kind.ShouldBe(ErrorKind.Conflict);
            (await LabelSteps.ReviewAsync(community, Today, id)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
        }

        await using (var county = database.NewContext(County))
        {
            (await LabelSteps.ReviewAsync(county, Today, id)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
            (await LabelSteps.RegisterAsync(county, Today, id)).Error!.Kind.ShouldBe(ErrorKind.Conflict);
        }

        await using (var township = database.NewContext(Township))
        {
            (await LabelSteps.RegisterAsync(township, Today, id)).Error!.Kind.ShouldBe(ErrorKind.Forbidden);
            (await LabelSteps.ReviewAsync(township, Today, id)).IsSuccess.ShouldBeTrue();
        }

        // Another county's worker does not see the label at all.
        await using var changyi = database.NewContext(new Jurisdiction("changyi", WebTestData.OtherCounty, false));
        (await LabelSteps.RegisterAsync(changyi, Today, id)).Error!.Kind.ShouldBe(ErrorKind.NotFound);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Apply_IsRefused_WithAnInfection13DaysAgo_AllowedAt14(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CleanCompoundAsync(database);
        await world.AddCaseAsync(CriteriaWorld.ResidentA1, Day.AddDays(-13));
        await using var community = database.NewContext(Community);

        var refused = await LabelSteps.ApplyAsync(community, Today, new LabelSteps.Apply("Compound", world.CompoundA, null));
        var nextDay = await LabelSteps.ApplyAsync(community, Clocks.NoonInChina(Day.AddDays(1)), new LabelSteps.Apply("Compound", world.CompoundA, null));

        (refused.Error!.Field, refused.Error.Kind).ShouldBe(("criteria", ErrorKind.Invalid));
        refused.Error.Message.ShouldContain("2022-04-07");
        // The next day is the 14th clean day; the round of day -1 is still within the 2-day window.
        nextDay.IsSuccess.ShouldBeTrue(nextDay.Error?.Message);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ReviewAndRegister_AreRefused_WhenTheCriteriaStopHolding(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CleanCompoundAsync(database);
        long id;
        await using (var community = database.NewContext(Community))
        {
            id = (await LabelSteps.ApplyAsync(community, Today, new LabelSteps.Apply("Compound", world.CompoundA, null))).Value!.Id;
        }

        // Three days later the round of day -1 is out of the 2-day window.
        await using (var township = database.NewContext(Township))
        {
            var late = await LabelSteps.ReviewAsync(township, Clocks.NoonInChina(Day.AddDays(2)), id);
            late.Error!.Field.ShouldBe("criteria");
            late.Error.Message.ShouldContain("全员核酸");
            (await LabelSteps.ReviewAsync(township, Today, id)).IsSuccess.ShouldBeTrue();
        }

        await world.AddContactAsync(CriteriaWorld.ResidentA2, Day.AddDays(-3));
        await using var county = database.NewContext(County);
        var registered = await LabelSteps.RegisterAsync(county, Today, id);
        registered.Error!.Field.ShouldBe("criteria");
        registered.Error.Message.ShouldContain("密接");
        (await county.InfectionFreeLabels.SingleAsync()).Status.ShouldBe(LabelStatus.Reviewed);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Village_WithEveryResidentNegative_IsRegistered_AndAnUnsampledResidentRefusesIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        var others = new[] { WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1), WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2) };
        await world.AddRoundAsync(WebTestData.Community, Day.AddDays(-1), (CriteriaWorld.ResidentA1, TestResult.Negative), (CriteriaWorld.ResidentA2, TestResult.Negative), (others[0], TestResult.Negative));
        await using (var community = database.NewContext(Community))
        {
            var missing = await LabelSteps.ApplyAsync(community, Today, new LabelSteps.Apply("Village", null, WebTestData.Community));
            missing.Error!.Message.ShouldContain("未检 1");
        }

        await world.AddRoundAsync(WebTestData.Community, Day, (CriteriaWorld.ResidentA1, TestResult.Negative), (CriteriaWorld.ResidentA2, TestResult.Negative),
            (others[0], TestResult.Negative), (others[1], TestResult.Negative));
        await using (var community = database.NewContext(Community))
        {
            var applied = await LabelSteps.ApplyAsync(community, Today, new LabelSteps.Apply("Village", null, WebTestData.Community));
            applied.IsSuccess.ShouldBeTrue(applied.Error?.Message);
            applied.Value!.Kind.ShouldBe(LabelKind.Village);
        }
    }

    /// <summary>Compound A (two residents) with a negative round over its community the day before.</summary>
    internal static async Task<CriteriaWorld> CleanCompoundAsync(TestDatabase database)
    {
        var world = await CriteriaWorld.CreateAsync(database);
        await world.AddRoundAsync(WebTestData.Community, Day.AddDays(-1), (CriteriaWorld.ResidentA1, TestResult.Negative), (CriteriaWorld.ResidentA2, TestResult.Negative));
        return world;
    }

    private static async Task<long> StepsAsync(TestDatabase database, long compound)
    {
        long id;
        await using (var community = database.NewContext(Community))
        {
            var applied = await LabelSteps.ApplyAsync(community, Today, new LabelSteps.Apply("Compound", compound, null));
            applied.IsSuccess.ShouldBeTrue(applied.Error?.Message);
            id = applied.Value!.Id;
        }

        await using (var township = database.NewContext(Township))
        {
            (await LabelSteps.ReviewAsync(township, Today, id)).Value!.Status.ShouldBe(LabelStatus.Reviewed);
        }

        await using var county = database.NewContext(County);
        (await LabelSteps.RegisterAsync(county, Today, id)).Value!.Status.ShouldBe(LabelStatus.Registered);
        var stored = await county.InfectionFreeLabels.SingleAsync(l => l.Id == id);
        (stored.AppliedBy, stored.ReviewedBy, stored.RegisteredBy).ShouldBe(("community", "dadong", "county"));
        return id;
    }
}
