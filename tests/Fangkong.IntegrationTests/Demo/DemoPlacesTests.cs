using Fangkong.Access;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Organisations;
using Fangkong.Places;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Demo;

public sealed class DemoPlacesTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Seed_AddsSeedPlacesAndUnitsOnce(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.NewContext())
        {
            (await DemoPlaces.SeedAsync(context)).ShouldBeGreaterThan(0);
            (await DemoPlaces.SeedAsync(context)).ShouldBe(0);
        }

        await using var check = db.NewContext();
        var enterprise = await check.Places.SingleAsync(p => p.Name == "吉林福源馆食品集团有限责任公司");
        enterprise.IsSupplyGuarantee.ShouldBeTrue();
        (await check.Places.CountAsync(p => p.Kind == PlaceKind.NursingHome)).ShouldBe(4);
        var hospital = await check.Organisations.SingleAsync(o => o.Name == "吉林市第二人民医院");
        hospital.PlaceId.ShouldNotBeNull();
        (await check.Officials.CountAsync(o => o.OrganisationId == hospital.Id)).ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ListPlacesAndUnits_SeeOnlyTheJurisdiction(DatabaseProvider provider)
    {
        await using var db = await TestDatabase.CreateAsync(provider);
        await using (var context = db.NewContext())
        {
            await DemoPlaces.SeedAsync(context);
        }

        await using var dadong = db.NewContext(new Jurisdiction("w", "220204003", SeesFullIdentity: false));
        var places = await ListPlaces.HandleAsync(dadong, new ListPlaces.Query(null, null, 1, 50));
        var units = await ListOrganisations.HandleAsync(dadong, new ListOrganisations.Query(null, 1, 50));
        var refused = await ListPlaces.HandleAsync(dadong, new ListPlaces.Query(null, "22x", 1, 50));

        places.Value!.Items.ShouldAllBe(p => p.RegionCode.StartsWith("220204003"));
        places.Value.Items.Select(p => p.Name).ShouldContain("吉林市第二人民医院");
        places.Value.Items.Select(p => p.Name).ShouldNotContain("吉林福源馆食品集团有限责任公司");
        units.Value!.Items.Select(u => u.Name).ShouldBe(["中共船营区大东街道工作委员会", "吉林市第二人民医院", "吉源社区居民委员会"], ignoreOrder: true);
        units.Value.Items.ShouldAllBe(u => u.Officials.Count > 0);
        refused.Error!.Field.ShouldBe("region");
    }
}
