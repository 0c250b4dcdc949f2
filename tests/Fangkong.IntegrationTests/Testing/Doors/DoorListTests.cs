using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Fangkong.IntegrationTests.Testing.Doors;

/// <summary>
/// The door-to-door list (敲门, issue 16 item 1): address order with rooms numerically, paging by
/// key with nobody lost or repeated (also when someone is swabbed between two pages), filters by
/// compound and building, the phone for the community worker and masked for others, refusals,
/// and the exports read back with their audit line.
/// </summary>
public sealed class DoorListTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task List_IsInAddressOrder_RoomsNumerically_AndPagesByKey_LosingAndRepeatingNobody_WhenSomeoneIsSwabbedBetweenPages(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        using var community = await host.ClientAsync("community");
        using var sampler = await host.ClientAsync("sampler");
        var world = await DoorWorld.CreateAsync(host, county);

        var (all, pages) = await DoorWorld.AllPagesAsync(community, world.List("&pageSize=3"));
        all.ShouldBe(DoorWorld.AddressOrder);
        pages.ShouldBe(3);
        var first = await community.GetFromJsonAsync<JsonElement>(world.List());
        first.GetProperty("communityName").GetString().ShouldBe("吉源社区");
        first.GetProperty("totalCount").GetInt64().ShouldBe(8);

        // After page 1 (张伟, 李娜, 吉源1-101): 吉源1-301 (next page's first) and 李娜 (already shown) are swabbed.
        var (names, _) = await DoorWorld.AllPagesAsync(community, world.List("&pageSize=3"), async page =>
        {
            if (page == 1)
            {
                await world.SampleAsync(sampler, DoorWorld.IdNumberOf(6), "JL-D001");
                await world.SampleAsync(sampler, WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2), "JL-D001");
            }
        });
        names.ShouldBe(DoorWorld.AddressOrder.Where(n => n != "吉源1-301").ToList());
        names.Distinct().Count().ShouldBe(names.Count);

        // Afresh: both are gone, and the count (from the round's tallies) follows.
        var (after, _) = await DoorWorld.AllPagesAsync(community, world.List("&pageSize=2"));
        after.ShouldBe(DoorWorld.AddressOrder.Where(n => n is not "吉源1-301" and not "李娜").ToList());
        (await community.GetFromJsonAsync<JsonElement>(world.List())).GetProperty("totalCount").GetInt64().ShouldBe(6);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Filters_ByCompoundAndBuilding_PageInAddressOrder_AndRefuseAnotherCommunitysOrABadCursor_NamingTheField(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        using var community = await host.ClientAsync("community");
        var world = await DoorWorld.CreateAsync(host, county);

        (await DoorWorld.AllPagesAsync(community, world.List($"&compound={world.Jiyuan}&pageSize=2"))).Names
            .ShouldBe(["吉源1-101", "吉源1-301", "吉源1-1101", "吉源1-1201", "吉源2-101"]);
        (await DoorWorld.AllPagesAsync(community, world.List($"&building={world.JiyuanBuilding2}"))).Names.ShouldBe(["吉源2-101"]);
        (await DoorWorld.AllPagesAsync(community, world.List($"&compound={world.Songhua}"))).Names.ShouldBe(["松花1-502"]);

        await RefusedAsync(community, world.List($"&compound={world.OtherCommunityCompound}"), "compound");
        await RefusedAsync(community, world.List($"&building={world.OtherCommunityBuilding}"), "building");
        await RefusedAsync(community, world.List($"&compound={world.Songhua}&building={world.JiyuanBuilding2}"), "building");
        await RefusedAsync(community, world.List("&after=nonsense"), "after");
        await RefusedAsync(community, $"/api/v1/testing/rounds/{world.Round}/not-sampled/export?community={WebTestData.Community}&format=pdf", "format");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Phone_IsFullForTheCommunityWorker_MaskedForTheCountyWorker_AndAnotherCommunitysWorkerIsRefused(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        using var community = await host.ClientAsync("community");
        var world = await DoorWorld.CreateAsync(host, county);
        using var songbei = await host.ClientAsync(DoorWorld.OtherCommunityWorker);

        static string PhoneOf(JsonElement page, string name) =>
            page.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("name").GetString() == name).GetProperty("phone").GetString()!;

        PhoneOf(await community.GetFromJsonAsync<JsonElement>(world.List()), "张伟").ShouldBe("13904321001");
        PhoneOf(await county.GetFromJsonAsync<JsonElement>(world.List()), "张伟").ShouldBe("139****1001");
        (await county.GetStringAsync($"/testing/{world.Round}/not-sampled?community={WebTestData.Community}")).ShouldNotContain("13904321001");
        var page = await community.GetStringAsync($"/testing/{world.Round}/not-sampled?community={WebTestData.Community}");
        page.ShouldContain("tel:13904321001");
        page.ShouldContain("<title>吉源社区");

        foreach (var url in new[] { world.List(), $"/api/v1/testing/rounds/{world.Round}/not-sampled/export?community={WebTestData.Community}&format=csv" })
        {
            using var refused = await songbei.GetAsync(url);
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
            refused.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await refused.Content.ReadAsStringAsync()).ShouldNotContain("张伟");
        }

        (await songbei.GetAsync($"/testing/{world.Round}/not-sampled/print?community={WebTestData.Community}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await community.GetAsync($"/api/v1/testing/rounds/99999/not-sampled?community={WebTestData.Community}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Exports_CsvAndXlsx_ReadBack_AsThePagesRows_MaskedAsThePage_AndEachIsAudited(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        using var community = await host.ClientAsync("community");
        var world = await DoorWorld.CreateAsync(host, county);
        var export = $"/api/v1/testing/rounds/{world.Round}/not-sampled/export?community={WebTestData.Community}&compound={world.Jiyuan}";
        var pageRows = (await DoorWorld.AllPagesAsync(community, world.List($"&compound={world.Jiyuan}&pageSize=2"))).Names;

        var csv = await community.GetByteArrayAsync(export + "&format=csv");
        var lines = Encoding.UTF8.GetString(csv).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe("小区名称,楼栋,单元,房间,姓名,手机号"); // the page's own column titles, in the request's culture
        lines.Skip(1).Select(l => l.Split(',')[4]).ShouldBe(pageRows);
        lines[1].ShouldBe("吉源小区,1号楼,1单元,101,吉源1-101,13904322003");

        var xlsx = await community.GetByteArrayAsync(export + "&format=xlsx");
        using (var stream = new MemoryStream(xlsx))
        {
            var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
            rows.Select(r => r["姓名"].ToString()).ShouldBe(pageRows);
            rows[3]["房间"].ToString().ShouldBe("1201");
            rows[0]["手机号"].ToString().ShouldBe("13904322003");
        }

        // The county worker's export is masked as their page is.
        var masked = Encoding.UTF8.GetString(await county.GetByteArrayAsync(export + "&format=csv"));
        masked.ShouldContain("139****2003");
        masked.ShouldNotContain("13904322003");

        await using var db = host.Database.NewContext();
        var audits = await db.AuditLog.Where(a => a.Entity == nameof(Person) && a.After!.Contains("not-sampled export=")).ToListAsync();
        audits.Select(a => a.UserName).Order().ShouldBe(["community", "community", "county"]);
        audits.ShouldAllBe(a => a.After!.Contains("5 rows") && a.RegionCode == WebTestData.Community);
    }

    private static async Task RefusedAsync(HttpClient client, string url, string field)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, url);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(url);
    }
}
