using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Privacy;

/// <summary>
/// Issue 14, item 9: least data per role for lists. Lab staff follow tubes and results, inspectors
/// counts and masked data: neither gets residents' names, home addresses or the notes that say why
/// someone is quarantined, from the testing lists or the dispatch board. The roles that knock on
/// doors keep them.
/// </summary>
public sealed class LeastDataListTests
{
    private static string Zhang => WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);

    private static string Li => WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2);

    private static string Wang => WebTestData.IdNumberFor(WebTestData.OtherCommunity, "19620101", 4);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LabStaffAndInspectors_GetNoNamesAddressesOrReasons_FromNotSampledExemptionsAndPositives(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await PrivacyUsers.AddAsync(host.Database);
        using var county = await host.ClientAsync("county");
        var round = await RoundWithAnExemptionAndAPositivePoolAsync(host, county);

        foreach (var user in new[] { "lab", PrivacyUsers.Inspector })
        {
            using var client = await host.ClientAsync(user);
            using (var doors = await client.GetAsync($"/api/v1/testing/rounds/{round}/not-sampled?community={WebTestData.OtherCommunity}"))
            {
                doors.StatusCode.ShouldBe(HttpStatusCode.Forbidden, user);
                doors.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
                (await doors.Content.ReadAsStringAsync()).ShouldNotContain("王芳");
            }

            var exemptions = await client.GetStringAsync($"/api/v1/testing/rounds/{round}/exemptions");
            var row = JsonDocument.Parse(exemptions).RootElement.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
            (row.GetProperty("name").GetString(), row.GetProperty("note").ValueKind, row.GetProperty("kind").GetString())
                .ShouldBe((string.Empty, JsonValueKind.Null, "quarantine"), user);
            row.GetProperty("idNumber").GetString().ShouldBe($"{Zhang[..6]}********{Zhang[14..17]}*");
            exemptions.ShouldNotContain("张伟");
            exemptions.ShouldNotContain("隔离酒店");

            var positives = await client.GetStringAsync($"/api/v1/testing/rounds/{round}/positives");
            var pool = JsonDocument.Parse(positives).RootElement.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
            pool.GetProperty("barcode").GetString().ShouldBe("JL-0001");
            pool.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("name").GetString()).ShouldBe([string.Empty, string.Empty], user);
            positives.ShouldNotContain("李娜");
            positives.ShouldNotContain(Li);
        }

        // The county worker, who sends people to the doors, keeps the names and the note.
        (await county.GetAsync($"/api/v1/testing/rounds/{round}/not-sampled?community={WebTestData.OtherCommunity}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var own = await county.GetStringAsync($"/api/v1/testing/rounds/{round}/exemptions");
        own.ShouldContain("张伟");
        own.ShouldContain("隔离酒店");
        var board = await county.GetStringAsync($"/api/v1/testing/rounds/{round}/positives");
        board.ShouldContain("李娜");
        board.ShouldContain("王芳");

        // And the pages built on the same lists.
        using var lab = await host.ClientAsync("lab");
        (await lab.GetAsync($"/testing/{round}/not-sampled?community={WebTestData.OtherCommunity}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var labBoard = await lab.GetStringAsync($"/testing/{round}/positives");
        labBoard.ShouldContain("JL-0001");
        labBoard.ShouldNotContain("李娜");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Inspectors_SeeTheDispatchBoardsWaitingTimes_WithoutNamesOrHomeAddresses(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await PrivacyUsers.AddAsync(host.Database);
        using var dispatcher = await host.ClientAsync(PrivacyUsers.Dispatcher);
        using (var created = await dispatcher.PostAsJsonAsync("/api/v1/transfers", new
        {
            idNumber = Zhang, siteName = "吉林宾馆", siteRegionCode = WebTestData.County, identifiedAt = DateTimeOffset.UtcNow.AddHours(-3), fromAddress = "吉源小区 3 栋 2 单元 501",
        }))
        {
            created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        }

        using var inspector = await host.ClientAsync(PrivacyUsers.Inspector);
        var seen = await inspector.GetStringAsync("/api/v1/transfers/board");
        var person = JsonDocument.Parse(seen).RootElement.GetProperty("waiting")[0].GetProperty("people")[0];
        (person.GetProperty("name").GetString(), person.GetProperty("fromAddress").GetString()).ShouldBe((string.Empty, string.Empty));
        person.GetProperty("hoursWaiting").GetDouble().ShouldBeGreaterThan(2.9);
        seen.ShouldNotContain("张伟");
        seen.ShouldNotContain("501");

        var dispatch = await dispatcher.GetStringAsync("/api/v1/transfers/board");
        dispatch.ShouldContain("张伟");
        dispatch.ShouldContain("吉源小区 3 栋 2 单元 501");
    }

    /// <summary>A round of the county: 张伟 exempted (in a quarantine hotel), 李娜 and 王芳 in tube JL-0001, found positive.</summary>
    private static async Task<long> RoundWithAnExemptionAndAPositivePoolAsync(WebTestHost host, HttpClient county)
    {
        using var created = await county.PostAsJsonAsync("/api/v1/testing/rounds", new { name = "船营区第一轮", regionCode = WebTestData.County, poolSize = 10 });
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        var round = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        using (var exempt = await county.PostAsJsonAsync(
            $"/api/v1/testing/rounds/{round}/exemptions", new { exemptions = new[] { new { idNumber = Zhang, reason = "quarantine", note = "吉林市某隔离酒店" } } }))
        {
            exempt.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        var now = DateTimeOffset.UtcNow;
        using (var scans = await county.PostAsJsonAsync($"/api/v1/testing/rounds/{round}/scans", new
        {
            scans = new[]
            {
                new { clientId = "l1", tubeBarcode = "JL-0001", idNumber = Li, sampledAt = now, samplingPoint = "吉源广场" },
                new { clientId = "w1", tubeBarcode = "JL-0001", idNumber = Wang, sampledAt = now, samplingPoint = "吉源广场" },
            },
        }))
        {
            scans.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var lab = await host.ClientAsync("lab");
        using var result = await lab.PostAsJsonAsync("/api/v1/testing/results", new { results = new[] { new { tubeBarcode = "JL-0001", result = "positive", ctN = 27.0, ctOrf = 28.0, lab = "吉林市疾控中心" } } });
        result.StatusCode.ShouldBe(HttpStatusCode.OK, await result.Content.ReadAsStringAsync());
        return round;
    }
}
