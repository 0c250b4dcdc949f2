using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Auditing;
using Fangkong.Cases.Clusters;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Places;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Cases.Clusters.ClusterTestData;

namespace Fangkong.IntegrationTests.Cases.Clusters;

/// <summary>The clusters endpoints and pages: jurisdiction (404), permissions (403), masking, audit, links, detection on demand.</summary>
public sealed class ClustersApiTests
{
    private static readonly string Zhang = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ClusterOutsideTheJurisdiction_Is404_OwnIsShownMasked_AndTheReadIsAudited(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (own, other) = await SeedTwoClustersAsync(host.Database);
        using var county = await host.ClientAsync("county");

        (await county.GetAsync($"/api/v1/clusters/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await county.GetAsync($"/api/v1/clusters/{other}/chain")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await county.GetAsync($"/clusters/{other}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await county.GetAsync($"/api/v1/clusters?region={WebTestData.OtherCounty}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var list = await county.GetFromJsonAsync<JsonElement>("/api/v1/clusters");
        list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetInt64()).ShouldBe([own]);
        list.GetProperty("items")[0].GetProperty("isNosocomial").GetBoolean().ShouldBeTrue();
        var detail = await county.GetFromJsonAsync<JsonElement>($"/api/v1/clusters/{own}");
        var ids = detail.GetProperty("cases").EnumerateArray().Select(m => m.GetProperty("case").GetProperty("idNumber").GetString()).ToList();
        ids.ShouldContain($"{Zhang[..6]}********{Zhang[14..17]}*");
        ids.ShouldNotContain(Zhang);
        detail.GetProperty("placeKind").GetString().ShouldBe("hospital");
        var page = await county.GetStringAsync($"/clusters/{own}");
        page.ShouldContain("院内感染");
        page.ShouldNotContain(Zhang);

        using var investigator = await host.ClientAsync("investigator");
        var full = await investigator.GetFromJsonAsync<JsonElement>($"/api/v1/clusters/{own}/chain");
        full.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("idNumber").GetString()).ShouldContain(Zhang);

        await using var check = host.Database.NewContext();
        var reads = await check.AuditLog.Where(a => a.Action == AuditActions.Read && a.Entity == nameof(Cluster)).Select(a => a.UserName).ToListAsync();
        reads.ShouldBe(["county", "county"]);
        (await check.AuditLog.CountAsync(a => a.Action == AuditActions.Search && a.Entity == nameof(Fangkong.Cases.Case) && a.UserName == "investigator")).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RolesWithoutPermission_Get403_AndTheInvestigatorLinksAndDetects(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await CasesAsync(host.Database, ("A-1", Day0), ("A-2", Day0.AddDays(2)));
        var school = await PlaceAsync(host.Database, "船营区第一小学", PlaceKind.School);
        using var lab = await host.ClientAsync("lab");
        using var county = await host.ClientAsync("county");
        using var investigator = await host.ClientAsync("investigator");

        (await lab.GetAsync("/api/v1/clusters")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.PostAsync("/api/v1/clusters/detect?date=2022-03-10", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.PostAsJsonAsync("/api/v1/clusters/links", new { caseNo = "A-1", placeId = school, on = "2022-03-01", source = "investigation" }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var bad = await investigator.PostAsJsonAsync("/api/v1/clusters/links", new { caseNo = "A-1", placeId = school, on = "2022-03-01", source = "rumour" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("source", out _).ShouldBeTrue();
        var both = await investigator.PostAsJsonAsync("/api/v1/clusters/links", new { caseNo = "A-1", placeId = school, householdNo = "H-1", on = "2022-03-01", source = "investigation" });
        (await both.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("placeId", out _).ShouldBeTrue();
        (await investigator.PostAsync("/api/v1/clusters/detect?date=2022-3-1", null)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        foreach (var (caseNo, on) in new[] { ("A-1", "2022-03-01"), ("A-2", "2022-03-03"), ("A-2", "2022-03-03") })
        {
            var linked = await investigator.PostAsJsonAsync("/api/v1/clusters/links", new { caseNo, placeId = school, on, source = "investigation" });
            linked.StatusCode.ShouldBe(HttpStatusCode.OK, await linked.Content.ReadAsStringAsync());
        }

        var detected = await investigator.PostAsync("/api/v1/clusters/detect?date=2022-03-10", null);
        detected.StatusCode.ShouldBe(HttpStatusCode.OK, await detected.Content.ReadAsStringAsync());
        (await detected.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("formed").GetInt32().ShouldBe(1);
        await using var check = host.Database.NewContext();
        (await check.CaseLinks.CountAsync()).ShouldBe(2);
        var cluster = await check.Clusters.SingleAsync();
        cluster.NeedsSupervision.ShouldBeTrue();
        var page = await investigator.GetStringAsync("/clusters?placeKind=school");
        page.ShouldContain($"clusters/{cluster.Id}");
        page.ShouldContain("封闭管理场所·督导");
        (await investigator.GetStringAsync("/clusters?placeKind=hospital")).ShouldNotContain($"clusters/{cluster.Id}\"");
    }

    /// <summary>A hospital cluster in 船营区 (with 张伟) and a market cluster in 昌邑区.</summary>
    private static async Task<(long Own, long Other)> SeedTwoClustersAsync(TestDatabase database)
    {
        await CasesAsync(database,
            ("JL-1", Day0, Zhang, WebTestData.Community), ("JL-2", Day0.AddDays(1), string.Empty, WebTestData.Community),
            ("CY-1", Day0, string.Empty, WebTestData.OtherCountyCommunity), ("CY-2", Day0.AddDays(1), string.Empty, WebTestData.OtherCountyCommunity));
        var hospital = await PlaceAsync(database, "吉林市中心医院", PlaceKind.Hospital);
        var market = await PlaceAsync(database, "东市场", PlaceKind.Market, WebTestData.OtherCountyCommunity);
        await LinkAsync(database, "JL-1", hospital, Day0);
        await LinkAsync(database, "JL-2", hospital, Day0.AddDays(1));
        await LinkAsync(database, "CY-1", market, Day0);
        await LinkAsync(database, "CY-2", market, Day0.AddDays(1));
        await DetectAsync(database, Day0.AddDays(2));
        await using var db = database.NewContext();
        return ((await db.Clusters.SingleAsync(c => c.PlaceId == hospital)).Id, (await db.Clusters.SingleAsync(c => c.PlaceId == market)).Id);
    }
}
