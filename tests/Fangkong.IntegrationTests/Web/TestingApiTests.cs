using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Web;

/// <summary>The mass-testing API end to end: round, scans (and their retry), results, tracing, board, coverage; and the refusals.</summary>
public sealed class TestingApiTests
{
    private static string Zhang => WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);

    private static string Li => WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2);

    private static string Wang => WebTestData.IdNumberFor(WebTestData.OtherCommunity, "19620101", 4);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Round_Scans_PositiveResult_Board_AndCoverage_ThroughTheApi(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        using var sampler = await host.ClientAsync("sampler");
        using var lab = await host.ClientAsync("lab");
        using var community = await host.ClientAsync("community");

        using var created = await county.PostAsJsonAsync("/api/v1/testing/rounds", new { name = "船营区第一轮", regionCode = "220204", poolSize = 10 });
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var round = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = round.GetProperty("id").GetInt64();
        round.GetProperty("shouldTest").GetInt64().ShouldBe(3);
        round.GetProperty("advice").GetProperty("best").GetProperty("poolSize").GetInt32().ShouldBe(20);

        var before = await community.GetFromJsonAsync<JsonElement>($"/api/v1/testing/rounds/{id}/not-sampled?community={WebTestData.Community}");
        before.GetProperty("totalCount").GetInt32().ShouldBe(2);

        var batch = new
        {
            scans = new[]
            {
                new { clientId = "k1", tubeBarcode = "JL-0001", idNumber = Zhang, sampledAt = DateTimeOffset.UtcNow, samplingPoint = "吉源社区广场" },
                new { clientId = "k2", tubeBarcode = "JL-0001", idNumber = Li, sampledAt = DateTimeOffset.UtcNow, samplingPoint = "吉源社区广场" },
                new { clientId = "k3", tubeBarcode = "JL-0001", idNumber = Wang, sampledAt = DateTimeOffset.UtcNow, samplingPoint = "吉源社区广场" },
            },
        };
        var first = await (await sampler.PostAsJsonAsync($"/api/v1/testing/rounds/{id}/scans", batch)).Content.ReadFromJsonAsync<JsonElement>();
        first.EnumerateArray().Select(r => r.GetProperty("outcome").GetString()).ShouldAllBe(o => o == "recorded");
        var retry = await (await sampler.PostAsJsonAsync($"/api/v1/testing/rounds/{id}/scans", batch)).Content.ReadFromJsonAsync<JsonElement>();
        retry.EnumerateArray().Select(r => r.GetProperty("outcome").GetString()).ShouldAllBe(o => o == "alreadyRecorded");

        using var result = await lab.PostAsJsonAsync("/api/v1/testing/results", new { results = new[] { new { tubeBarcode = "JL-0001", result = "positive", ctN = 27.0, ctOrf = 28.0, lab = "吉林市疾控中心" } } });
        result.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await result.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("tracing").GetProperty("peopleControlled").GetInt32().ShouldBe(3);

        var board = await community.GetFromJsonAsync<JsonElement>($"/api/v1/testing/rounds/{id}/positives");
        var pool = board.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        pool.GetProperty("secondsToControl").GetDouble().ShouldBeLessThan(10);
        var members = pool.GetProperty("members").EnumerateArray().ToList();
        members.Select(m => m.GetProperty("name").GetString()).ShouldBe(["张伟", "李娜", "辖区外"], ignoreOrder: true);
        members.ShouldAllBe(m => m.GetProperty("control").GetString() == "Active" && m.GetProperty("retest").GetString() == "Open");

        var coverage = await county.GetFromJsonAsync<JsonElement>($"/api/v1/testing/rounds/{id}/coverage");
        var total = coverage.GetProperty("total");
        (total.GetProperty("shouldTest").GetInt64(), total.GetProperty("sampled").GetInt64(), total.GetProperty("resulted").GetInt64(), total.GetProperty("positive").GetInt64())
            .ShouldBe((3L, 3L, 3L, 3L));
        coverage.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("code").GetString() == WebTestData.Street).GetProperty("sampled").GetInt64().ShouldBe(3);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TestingApi_RefusesWrongRoles_BadRounds_UnknownTubes_AndOtherRegions(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        using var sampler = await host.ClientAsync("sampler");
        using var lab = await host.ClientAsync("lab");

        (await sampler.PostAsJsonAsync("/api/v1/testing/rounds", new { name = "x", regionCode = "220204" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.PostAsJsonAsync("/api/v1/testing/rounds", new { name = "x", regionCode = "2202" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var badPool = await county.PostAsJsonAsync("/api/v1/testing/rounds", new { name = "x", regionCode = "220204", poolSize = 8 });
        badPool.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badPool.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("poolSize")[0].GetString()!.ShouldContain("只能是 1、5、10 或 20");

        var id = (await (await county.PostAsJsonAsync("/api/v1/testing/rounds", new { name = "第二轮", regionCode = "220204" })).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        (await lab.PostAsJsonAsync($"/api/v1/testing/rounds/{id}/scans", new { scans = Array.Empty<object>() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await sampler.PostAsJsonAsync($"/api/v1/testing/rounds/{id}/scans", new { scans = Array.Empty<object>() })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await sampler.PostAsJsonAsync("/api/v1/testing/rounds/999999/scans", new { scans = new[] { new { clientId = "z", tubeBarcode = "Z", idNumber = Zhang, sampledAt = DateTimeOffset.UtcNow, samplingPoint = "p" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var unknown = await lab.PostAsJsonAsync("/api/v1/testing/results", new { results = new[] { new { tubeBarcode = "NO-SUCH", result = "negative", lab = "实验室" } } });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("results")[0].GetString()!.ShouldContain("第 1 行: 未知试管 NO-SUCH");
        (await sampler.PostAsJsonAsync("/api/v1/testing/results", new { results = Array.Empty<object>() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        using var dadong = await host.ClientAsync("dadong");
        (await dadong.GetAsync($"/api/v1/testing/rounds/{id}/not-sampled?community={WebTestData.OtherCountyCommunity}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }
}
