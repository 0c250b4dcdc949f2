using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Areas;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.IntegrationTests.Passes;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Areas;

/// <summary>The area API and pages: who may evaluate and decide, the map, and the public look-up without personal data.</summary>
public sealed class AreaWebTests
{
    private static readonly DateOnly Day = CriteriaWorld.Day;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Api_CommunityWorkerAndOtherCountyCannotDecide_CountyWorkerApproves(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await PassesWorld.SeedAsync(host.Database);
        var world = await CriteriaWorld.CreateAsync(host.Database, seeded: true);
        await world.AddCaseAsync(CriteriaWorld.ResidentA1, Day);
        using var county = await host.ClientAsync("county");
        using var community = await host.ClientAsync("community");
        using var changyi = await host.ClientAsync("changyi");

        using (var refused = await community.PostAsJsonAsync("/api/v1/areas/evaluate", new { scope = WebTestData.Community, day = Day }))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var outside = await changyi.PostAsJsonAsync("/api/v1/areas/evaluate", new { scope = WebTestData.County, day = Day }))
        {
            outside.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var summary = await county.PostAsJsonAsync("/api/v1/areas/evaluate", new { scope = WebTestData.County, day = Day });
        summary.StatusCode.ShouldBe(HttpStatusCode.OK, await summary.Content.ReadAsStringAsync());
        (await summary.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("proposed").GetInt32().ShouldBe(1);

        var pending = await county.GetFromJsonAsync<JsonElement>("/api/v1/areas/proposals");
        var id = pending.GetProperty("items")[0].GetProperty("id").GetInt64();
        (await changyi.GetFromJsonAsync<JsonElement>("/api/v1/areas/proposals")).GetProperty("totalCount").GetInt32().ShouldBe(0);

        var decision = new { reason = "同意", approvingBody = "船营区疫情防控指挥部", on = Day };
        using (var denied = await community.PostAsJsonAsync($"/api/v1/areas/proposals/{id}/approve", decision))
        {
            denied.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var notFound = await changyi.PostAsJsonAsync($"/api/v1/areas/proposals/{id}/approve", decision))
        {
            notFound.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        await using (var db = host.Database.NewContext())
        {
            (await db.AreaDesignations.CountAsync()).ShouldBe(0);
        }

        using var approved = await county.PostAsJsonAsync($"/api/v1/areas/proposals/{id}/approve", decision);
        approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var active = await community.GetFromJsonAsync<JsonElement>("/api/v1/areas/designations");
        active.GetProperty("items")[0].GetProperty("level").GetString().ShouldBe("sealed");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Pages_ListTheMapAndTheHistory_InChinese_AndRolesWithoutThePermissionAreForbidden(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var world = await CriteriaWorld.CreateAsync(host.Database, seeded: true);
        await using (var db = host.Database.NewContext())
        {
            (await DesignateArea.HandleAsync(db, new DesignateArea.Command(AreaUnitKind.Region, WebTestData.County, null, AreaLevel.Precaution, Day.AddDays(-5), "全区防范", "吉林市疫情防控指挥部"))).IsSuccess.ShouldBeTrue();
            (await DesignateArea.HandleAsync(db, new DesignateArea.Command(AreaUnitKind.Compound, null, world.CompoundA, AreaLevel.Sealed, Day.AddDays(-5), "出现阳性", "船营区疫情防控指挥部"))).IsSuccess.ShouldBeTrue();
        }

        using var county = await host.ClientAsync("county");
        var list = await county.GetStringAsync("/areas");
        list.ShouldContain("<html lang=\"zh-CN\"");
        list.ShouldContain("风险区域划定");
        list.ShouldContain("封控区");
        list.ShouldContain("吉源小区");
        list.ShouldContain("共 2 个现行划定");
        list.ShouldContain("data-testid=\"evaluate-form\"");

        var map = await county.GetStringAsync($"/areas/map?county={WebTestData.County}");
        map.ShouldContain("吉林市区域风险地图");
        map.ShouldContain("lib/echarts/echarts.min.js");
        var counties = System.Text.RegularExpressions.Regex.Match(map, "data-counties=\"([^\"]*)\"").Groups[1].Value;
        var severities = JsonDocument.Parse(WebUtility.HtmlDecode(counties)).RootElement.EnumerateArray()
            .ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("severity").GetInt32());
        (severities["船营区"], severities["昌邑区"]).ShouldBe((3, 0));
        map.ShouldContain("data-testid=\"below-card\"");
        (await county.GetAsync("/geo/ji2_lin2_ji2_lin2.json")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await county.GetAsync("/lib/echarts/echarts.min.js")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var history = await county.GetStringAsync($"/areas/history?kind=Compound&id={world.CompoundA}");
        history.ShouldContain("划定历史：吉源小区");
        history.ShouldContain("出现阳性");

        using var sampler = await host.ClientAsync("sampler");
        foreach (var path in new[] { "/areas", "/areas/map" })
        {
            using var response = await sampler.GetAsync(path);
            response.Headers.Location!.AbsolutePath.ShouldBe("/forbidden", path);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PublicPage_WithoutSignIn_ShowsStatusAndMeaning_AndNoPersonalData(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var world = await CriteriaWorld.CreateAsync(host.Database, seeded: true);
        await world.AddCaseAsync(CriteriaWorld.ResidentA1, Day);
        await using (var db = host.Database.NewContext())
        {
            var reason = $"赵一（{CriteriaWorld.ResidentA1}）核酸阳性";
            (await DesignateArea.HandleAsync(db, new DesignateArea.Command(AreaUnitKind.Compound, null, world.CompoundA, AreaLevel.Sealed, Day, reason, "船营区疫情防控指挥部"))).IsSuccess.ShouldBeTrue();
        }

        using var anonymous = await host.ClientAsync();
        var page = await anonymous.GetStringAsync("/area-status?q=" + Uri.EscapeDataString("吉源"));
        page.ShouldContain("吉源小区");
        page.ShouldContain("封控区 · Sealed area");
        page.ShouldContain("足不出户、服务上门");
        page.ShouldContain("船营区疫情防控指挥部");
        page.ShouldContain("吉源社区");
        foreach (var secret in new[] { "赵一", CriteriaWorld.ResidentA1, "核酸阳性", "system", "张伟", "13904321001" })
        {
            page.ShouldNotContain(secret);
        }

        var other = await anonymous.GetStringAsync("/area-status?q=" + Uri.EscapeDataString("松北"));
        other.ShouldContain("松北小区");
        other.ShouldContain("未划定风险区域");

        var json = await anonymous.GetStringAsync("/api/v1/public/area-status?q=" + Uri.EscapeDataString("吉源小区"));
        json.ShouldContain("\"level\":\"sealed\"");
        json.ShouldNotContain("赵一");
        json.ShouldNotContain(CriteriaWorld.ResidentA1);
        using var tooShort = await anonymous.GetAsync("/api/v1/public/area-status?q=" + Uri.EscapeDataString("吉"));
        tooShort.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The signed-in pages stay closed to anonymous visitors.
        using var closed = await anonymous.GetAsync("/areas");
        closed.Headers.Location!.AbsolutePath.ShouldBe("/login");
    }
}
