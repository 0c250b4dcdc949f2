using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.SocialZero;

/// <summary>The social-zero API and page: who may read and set, and a positive reported from testing is classified.</summary>
public sealed class SocialZeroApiTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task County_ReadsItsSeries_SetsPopulation_LabIsRefused_OtherCountyForbidden(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        using var lab = await host.ClientAsync("lab");
        using var community = await host.ClientAsync("community");

        using (var set = await county.PutAsJsonAsync("/api/v1/social-zero/populations", new { region = WebTestData.County, population = 450_000 }))
        {
            set.StatusCode.ShouldBe(HttpStatusCode.OK, await set.Content.ReadAsStringAsync());
        }

        using (var denied = await community.PutAsJsonAsync("/api/v1/social-zero/populations", new { region = WebTestData.County, population = 1 }))
        {
            denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var series = await county.GetFromJsonAsync<JsonElement>($"/api/v1/social-zero?region={WebTestData.County}&from=2022-04-01&to=2022-04-08");
        series.GetProperty("population").GetInt64().ShouldBe(450_000);
        series.GetProperty("items").GetArrayLength().ShouldBe(8);
        series.GetProperty("current").GetString().ShouldBe("zero");
        using (var other = await county.GetAsync($"/api/v1/social-zero?region={WebTestData.OtherCounty}"))
        {
            other.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var refused = await lab.GetAsync($"/api/v1/social-zero?region={WebTestData.County}"))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var page = await county.GetStringAsync($"/social-zero?region={WebTestData.County}&from=2022-04-01&to=2022-04-08");
        page.ShouldContain("社会面清零");
        page.ShouldContain("2022-04-08");
    }
}
