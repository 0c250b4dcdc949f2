using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Web;

/// <summary>Key places and units through the API: only those inside the caller's region, filters validated.</summary>
public sealed class PlacesAndUnitsApiTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CommunityWorker_SeesOnlyTheirCommunitysPlacesAndUnits_AndBadKindIs400(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await using (var db = host.Database.NewContext())
        {
            await DemoPlaces.SeedAsync(db);
        }

        using var community = await host.ClientAsync("community");
        var places = await community.GetFromJsonAsync<JsonElement>("/api/v1/places");
        Names(places).ShouldBe(["吉林市第二人民医院"]);
        var units = await community.GetFromJsonAsync<JsonElement>("/api/v1/organisations");
        Names(units).ShouldBe(["吉林市第二人民医院", "吉源社区居民委员会"], ignoreOrder: true);

        using var county = await host.ClientAsync("county");
        var nursingHomes = await county.GetFromJsonAsync<JsonElement>("/api/v1/places?kind=nursingHome");
        nursingHomes.GetProperty("totalCount").GetInt32().ShouldBe(4);
        Names(await county.GetFromJsonAsync<JsonElement>("/api/v1/organisations?pageSize=100")).ShouldNotContain("吉林市卫生健康委员会");

        using var bad = await county.GetAsync("/api/v1/places?kind=castle");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("kind")[0].GetString()!.ShouldContain("castle");

        var page = await county.GetStringAsync("/places?kind=NursingHome");
        page.ShouldContain("船营区福寿养老院");
        page.ShouldContain("共 4 处");
    }

    private static List<string?> Names(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("name").GetString()).ToList();
}
