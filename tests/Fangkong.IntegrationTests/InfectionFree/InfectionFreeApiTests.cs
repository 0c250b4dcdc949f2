using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.InfectionFree;

/// <summary>The infection-free API and page: roles, levels, criteria, and the notice after removal.</summary>
public sealed class InfectionFreeApiTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ThreeLevelsThroughTheApi_WrongRoleRefused_RemovalNoticeOnThePage(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var compound = await LabelWorld.CompoundAsync(host.Database);
        using var community = await host.ClientAsync("community");
        using var dadong = await host.ClientAsync("dadong");
        using var county = await host.ClientAsync("county");
        using var sampler = await host.ClientAsync("sampler");
        var apply = new { kind = "Compound", compoundId = compound };

        using (var refused = await sampler.PostAsJsonAsync("/api/v1/infection-free", apply))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var noRound = await community.PostAsJsonAsync("/api/v1/infection-free", apply))
        {
            noRound.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await noRound.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("criteria", out _).ShouldBeTrue();
        }

        var today = ChinaTime.Today(TimeProvider.System);
        await LabelWorld.NegativeRoundAsync(host.Database, today.AddDays(-1));
        using var applied = await community.PostAsJsonAsync("/api/v1/infection-free", apply);
        applied.StatusCode.ShouldBe(HttpStatusCode.OK, await applied.Content.ReadAsStringAsync());
        var id = (await applied.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using (var wrongLevel = await county.PostAsync($"/api/v1/infection-free/{id}/review", null))
        {
            wrongLevel.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var reviewed = await dadong.PostAsync($"/api/v1/infection-free/{id}/review", null))
        {
            reviewed.StatusCode.ShouldBe(HttpStatusCode.OK, await reviewed.Content.ReadAsStringAsync());
        }

        using (var registered = await county.PostAsync($"/api/v1/infection-free/{id}/register", null))
        {
            registered.StatusCode.ShouldBe(HttpStatusCode.OK, await registered.Content.ReadAsStringAsync());
        }

        await LabelWorld.CaseAsync(host.Database, LabelWorld.Resident2, today);
        await using (var system = host.Database.NewContext())
        {
            (await Fangkong.InfectionFree.RecheckLabels.HandleAsync(system, TimeProvider.System)).Value!.Removed.ShouldBe(1);
        }

        var list = await county.GetFromJsonAsync<JsonElement>("/api/v1/infection-free?status=removed");
        list.GetProperty("labels").GetProperty("items").GetArrayLength().ShouldBe(1);
        var page = await community.GetStringAsync("/infection-free");
        page.ShouldContain("摘牌通知");
        page.ShouldContain("不再符合无疫条件");
    }
}
