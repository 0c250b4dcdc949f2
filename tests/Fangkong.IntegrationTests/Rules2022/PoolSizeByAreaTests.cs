using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Areas;
using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.IntegrationTests.Areas;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Rules2022;

/// <summary>
/// Rule 7 of issue 15: the largest pool advised for an area follows its designation, in either
/// scheme, with the sizes of the plan version in force (1 sealed, 5 controlled, 10 elsewhere under
/// the 8th edition; 20 elsewhere under the 9th).
/// </summary>
public sealed class PoolSizeByAreaTests
{
    private static readonly DateOnly March10 = new(2022, 3, 10);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ASealedCommunity_IsAdvisedSingleTubes_FromItsFirstDay_ItsNeighbourAndTheDayBeforeTenInOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await DesignateAsync(database, WebTestData.Community, AreaLevel.Sealed, March10);
        await using var db = database.NewContext();

        var sealedDay = (await AdvisePoolSize.HandleAsync(db, WebTestData.Community, null, March10)).Value!;
        var dayBefore = (await AdvisePoolSize.HandleAsync(db, WebTestData.Community, null, March10.AddDays(-1))).Value!;
        var neighbour = (await AdvisePoolSize.HandleAsync(db, WebTestData.OtherCommunity, null, March10)).Value!;

        (sealedDay.PoolSize, sealedDay.Level, sealedDay.PolicyCode).ShouldBe((1, AreaLevel.Sealed, PolicyVersions.Eighth));
        (dayBefore.PoolSize, dayBefore.Level).ShouldBe((10, null));
        (neighbour.PoolSize, neighbour.Level).ShouldBe((10, null));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AControlledTownship_GivesItsCommunitiesFiveInOne_UntilItIsLifted(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await DesignateAsync(database, WebTestData.Street, AreaLevel.Controlled, March10);
        await using (var end = database.NewContext())
        {
            var designation = await AreaUnits.ActiveAsync(end, new AreaUnit(AreaUnitKind.Region, WebTestData.Street, null, "大东街道"));
            designation!.End(March10.AddDays(14), "解除", "county").ShouldBeNull();
            await end.SaveChangesAsync();
        }

        await using var db = database.NewContext();
        var lastDay = (await AdvisePoolSize.HandleAsync(db, WebTestData.Community, null, March10.AddDays(13))).Value!;
        var lifted = (await AdvisePoolSize.HandleAsync(db, WebTestData.Community, null, March10.AddDays(14))).Value!;

        (lastDay.PoolSize, lastDay.Level, lastDay.UnitName).ShouldBe((5, AreaLevel.Controlled, "大东街道"));
        (lifted.PoolSize, lifted.Level).ShouldBe((10, null));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ASealedCompound_IsAdvisedSingleTubes_WhenNamed_ItsCommunityNot(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var world = await CriteriaWorld.CreateAsync(database);
        await using (var db = database.NewContext())
        {
            (await DesignateArea.HandleAsync(db, new DesignateArea.Command(AreaUnitKind.Compound, null, world.CompoundA, AreaLevel.Sealed, March10, "出现阳性", "船营区疫情防控指挥部"))).IsSuccess.ShouldBeTrue();
        }

        await using var check = database.NewContext();
        (await AdvisePoolSize.HandleAsync(check, WebTestData.Community, world.CompoundA, March10)).Value!.PoolSize.ShouldBe(1);
        (await AdvisePoolSize.HandleAsync(check, WebTestData.Community, null, March10)).Value!.PoolSize.ShouldBe(10);
        var elsewhere = await AdvisePoolSize.HandleAsync(check, WebTestData.OtherCommunity, world.CompoundA, March10);
        elsewhere.Error!.Field.ShouldBeNull();
        elsewhere.Error.Code.ShouldBe("error.areas.compound-not-found-jurisdiction");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheSizesAreThePlans_AProvinceEditionWithOtherSizesWins_AndSizesOutOfOrderAreRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await DesignateAsync(database, WebTestData.Community, AreaLevel.Sealed, March10);
        await using var db = database.NewContext();
        var eighth = (await PolicyVersions.InForceAsync(db, WebTestData.Community, March10)).Value!;

        var refused = await AddPolicyVersion.HandleAsync(db, new AddPolicyVersion.Command("jilin-pools-bad", "吉林省混管", "22", March10, eighth.ToTerms(), new AreaPoolSizes(10, 5, 10)));
        var notValid = await AddPolicyVersion.HandleAsync(db, new AddPolicyVersion.Command("jilin-pools-bad2", "吉林省混管", "22", March10, eighth.ToTerms(), new AreaPoolSizes(3, 5, 10)));
        var added = await AddPolicyVersion.HandleAsync(db, new AddPolicyVersion.Command("jilin-pools", "吉林省混管", "22", March10, eighth.ToTerms(), new AreaPoolSizes(5, 10, 20)));

        (refused.Error!.Field, refused.Error.Code).ShouldBe(("poolSizes", "error.rules4.pool-sizes-out-of-order"));
        (notValid.Error!.Field, notValid.Error.Code).ShouldBe(("poolSizes", "error.rules4.pool-size-not-valid"));
        added.IsSuccess.ShouldBeTrue();
        var advice = (await AdvisePoolSize.HandleAsync(db, WebTestData.Community, null, March10)).Value!;
        (advice.PoolSize, advice.PolicyCode).ShouldBe((5, "jilin-pools"));
        (await AdvisePoolSize.HandleAsync(db, WebTestData.OtherCommunity, null, March10)).Value!.PoolSize.ShouldBe(20);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task UnderThe9thEdition_AHighRiskCommunityIsAdvisedSingleTubes_ElsewhereTwentyInOne(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var july = new DateOnly(2022, 7, 1);
        await DesignateAsync(database, WebTestData.Community, AreaLevel.HighRisk, july);
        await using var db = database.NewContext();

        var high = (await AdvisePoolSize.HandleAsync(db, WebTestData.Community, null, july)).Value!;
        var low = (await AdvisePoolSize.HandleAsync(db, WebTestData.OtherCommunity, null, july)).Value!;

        (high.PoolSize, high.Level, high.PolicyCode).ShouldBe((1, AreaLevel.HighRisk, PolicyVersions.Ninth));
        (low.PoolSize, low.Level).ShouldBe((20, null));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Api_AnswersTheAdvice_ABadRegionIs400NamingIt_AnotherCounty403(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await DesignateAsync(host.Database, WebTestData.Community, AreaLevel.Sealed, March10);
        using var county = await host.ClientAsync("county");

        var advice = await county.GetFromJsonAsync<JsonElement>($"/api/v1/areas/pool-advice?region={WebTestData.Community}&on=2022-03-10");
        using var bad = await county.GetAsync("/api/v1/areas/pool-advice?region=2202x&on=2022-03-10");
        using var outside = await county.GetAsync($"/api/v1/areas/pool-advice?region={WebTestData.OtherCountyCommunity}&on=2022-03-10");

        (advice.GetProperty("poolSize").GetInt32(), advice.GetProperty("level").GetString()).ShouldBe((1, "sealed"));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("region", out _).ShouldBeTrue();
        outside.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private static async Task DesignateAsync(TestDatabase database, string region, AreaLevel level, DateOnly on)
    {
        await using var db = database.NewContext();
        var designated = await DesignateArea.HandleAsync(db, new DesignateArea.Command(AreaUnitKind.Region, region, null, level, on, "出现阳性", "船营区疫情防控指挥部"));
        designated.IsSuccess.ShouldBeTrue(designated.Error?.Message);
    }
}
