using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.ClosedLoop;

/// <summary>The closed-loop API: who may set up and read, and the page.</summary>
public sealed class ClosedLoopApiTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CountyCreatesAndAdds_CommunityReadsOnly_SamplerIsRefused(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var world = await ClosedLoopWorld.CreateAsync(host.Database, seedWebData: false);
        using var county = await host.ClientAsync("county");
        using var community = await host.ClientAsync("community");
        using var sampler = await host.ClientAsync("sampler");

        using (var refused = await community.PostAsJsonAsync("/api/v1/closed-loops", new { organisationId = world.Unit }))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var created = await county.PostAsJsonAsync("/api/v1/closed-loops", new { organisationId = world.Unit });
        var body = await created.Content.ReadAsStringAsync();
        created.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
        using (var added = await county.PostAsJsonAsync($"/api/v1/closed-loops/{id}/members",
            new { idNumber = ClosedLoopWorld.Driver1, role = "delivery", quarters = "1号宿舍", schedule = "twiceDaily", joinedOn = "2022-03-25" }))
        {
            added.StatusCode.ShouldBe(HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        }

        using (var bad = await county.PostAsJsonAsync($"/api/v1/closed-loops/{id}/members", new { idNumber = ClosedLoopWorld.Driver1, role = "delivery", quarters = "", schedule = "daily" }))
        {
            bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        var compliance = await community.GetFromJsonAsync<JsonElement>($"/api/v1/closed-loops/{id}/compliance?day=2022-03-28");
        compliance.GetProperty("members").GetArrayLength().ShouldBe(1);
        compliance.GetProperty("missed").GetInt32().ShouldBe(2);
        using (var forbidden = await sampler.GetAsync("/api/v1/closed-loops"))
        {
            forbidden.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var page = await county.GetStringAsync($"/closed-loops/{id}?day=2022-03-28");
        page.ShouldContain("送货甲");
        page.ShouldContain("每日两检");
    }
}
