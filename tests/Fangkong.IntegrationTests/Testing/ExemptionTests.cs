using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Testing;

/// <summary>
/// 应检尽检: people tested elsewhere (quarantine, hospital) are exempted from a round, leave its
/// "should test" at every level and its not-sampled list; exempted but sampled anyway, they count
/// as sampled. And the refusals: unknown person, outside the round's area, no permission.
/// </summary>
public sealed class ExemptionTests
{
    private static string Zhang => WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);

    private static string Li => WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2);

    private static string Wang => WebTestData.IdNumberFor(WebTestData.OtherCommunity, "19620101", 4);

    private static string Liu => WebTestData.IdNumberFor(WebTestData.OtherCountyCommunity, "19781120", 5);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Exemptions_LeaveShouldTestAtCountyStreetAndCommunity_AndTheNotSampledList_AndRemovingOneBringsThePersonBack(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        var id = await CreateRoundAsync(county);

        // 张伟 in quarantine, 王芳 in hospital; 王芳 is swabbed in the round all the same.
        var exempted = await PostAsync(county, id, (Zhang, "quarantine", "吉林市某隔离酒店"), (Wang, "住院", null));
        exempted.Select(r => r.GetProperty("outcome").GetString()).ShouldBe(["exempted", "exempted"]);
        using (var scan = await county.PostAsJsonAsync($"/api/v1/testing/rounds/{id}/scans", new
        {
            scans = new[] { new { clientId = "w1", tubeBarcode = "JL-0001", idNumber = Wang, sampledAt = DateTimeOffset.UtcNow, samplingPoint = "松北广场" } },
        }))
        {
            scan.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // County: 3 residents, 张伟 exempted and not sampled; 王芳 exempted but sampled counts as sampled.
        var whole = await county.GetFromJsonAsync<JsonElement>($"/api/v1/testing/rounds/{id}/coverage");
        Counts(whole.GetProperty("total")).ShouldBe((2, 1, 1, 1));

        var street = await county.GetFromJsonAsync<JsonElement>($"/api/v1/testing/rounds/{id}/coverage?region={WebTestData.Street}");
        Counts(street.GetProperty("total")).ShouldBe((2, 1, 1, 1));
        var children = street.GetProperty("children").EnumerateArray().ToDictionary(c => c.GetProperty("code").GetString()!);
        Counts(children[WebTestData.Community]).ShouldBe((1, 0, 1, 1));
        Counts(children[WebTestData.OtherCommunity]).ShouldBe((1, 1, 0, 0));

        var community = await county.GetFromJsonAsync<JsonElement>($"/api/v1/testing/rounds/{id}/coverage?region={WebTestData.Community}");
        Counts(community.GetProperty("total")).ShouldBe((1, 0, 1, 1));

        var doors = await county.GetFromJsonAsync<JsonElement>($"/api/v1/testing/rounds/{id}/not-sampled?community={WebTestData.Community}");
        doors.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldBe(["李娜"]);

        // The list (masked for a county worker) and the round page's counts.
        var list = await county.GetFromJsonAsync<JsonElement>($"/api/v1/testing/rounds/{id}/exemptions");
        list.GetProperty("totalCount").GetInt32().ShouldBe(2);
        var rows = list.GetProperty("items").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!);
        rows["张伟"].GetProperty("kind").GetString().ShouldBe("quarantine");
        rows["张伟"].GetProperty("idNumber").GetString()!.ShouldContain("*");
        rows["王芳"].GetProperty("sampledAnyway").GetBoolean().ShouldBeTrue();
        // 吉源社区's worker sees only 吉源社区's exemption (张伟), not 松北一区's 王芳.
        using (var jiyuan = await host.ClientAsync("community"))
        {
            var own = await jiyuan.GetFromJsonAsync<JsonElement>($"/api/v1/testing/rounds/{id}/exemptions");
            own.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("name").GetString()).ShouldBe(["张伟"]);
            own.GetProperty("totalCount").GetInt32().ShouldBe(1);
        }

        var page = await county.GetStringAsync($"/testing/{id}");
        page.ShouldContain("共 2 人：集中隔离 1 人，住院 1 人，其他 0 人。");
        page.ShouldContain("其中 1 人仍在本轮采样");

        // 张伟 back from quarantine: he should test again and is on the door-to-door list.
        var zhangId = rows["张伟"].GetProperty("personId").GetInt64();
        using (var removed = await county.DeleteAsync($"/api/v1/testing/rounds/{id}/exemptions/{zhangId}"))
        {
            removed.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await county.DeleteAsync($"/api/v1/testing/rounds/{id}/exemptions/{zhangId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        Counts((await county.GetFromJsonAsync<JsonElement>($"/api/v1/testing/rounds/{id}/coverage")).GetProperty("total")).ShouldBe((3, 1, 2, 0));
        (await county.GetFromJsonAsync<JsonElement>($"/api/v1/testing/rounds/{id}/not-sampled?community={WebTestData.Community}"))
            .GetProperty("totalCount").GetInt32().ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Exempt_SentTwice_RecordsOnce_AndIsAudited(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        var id = await CreateRoundAsync(county);

        (await PostAsync(county, id, (Zhang, "hospital", "市中心医院"), (Zhang, "hospital", "市中心医院")))
            .Select(r => r.GetProperty("outcome").GetString()).ShouldBe(["exempted", "alreadyExempted"]);
        (await PostAsync(county, id, (Zhang, "quarantine", null)))
            .Select(r => r.GetProperty("outcome").GetString()).ShouldBe(["alreadyExempted"]);

        await using var db = host.Database.NewContext();
        var exemption = await db.RoundExemptions.SingleAsync();
        exemption.Kind.ShouldBe(ExemptionKind.Hospital);
        exemption.Note.ShouldBe("市中心医院");
        exemption.RecordedBy.ShouldBe("county");
        exemption.RegionCode.ShouldBe(WebTestData.Community);
        (await db.AuditLog.CountAsync(a => a.Entity == nameof(RoundExemption))).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Exempt_RefusesUnknownPeople_PeopleOutsideTheArea_BadReasons_AndCallersWithoutThePermission(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");

        // A round over 吉源社区 only: 王芳 (松北一区) is in the county but outside the round's area.
        using var created = await county.PostAsJsonAsync("/api/v1/testing/rounds", new { name = "吉源社区加测", regionCode = WebTestData.Community, poolSize = 10 });
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var unregistered = WebTestData.IdNumberFor(WebTestData.Community, "20000101", 9);

        var results = await PostAsync(county, id,
            (unregistered, "quarantine", null),
            (Liu, "quarantine", null),
            (Wang, "quarantine", null),
            (Li, "on holiday", null),
            (Li, "other", null),
            ("220204198503120000", "quarantine", null),
            (Zhang, "隔离", null));
        var outcomes = results.Select(r => (r.GetProperty("outcome").GetString(), r.GetProperty("reason").GetString())).ToList();
        outcomes[0].ShouldBe(("refused", "此人未登记或不在您的辖区"));
        outcomes[1].ShouldBe(outcomes[0]); // 刘洋 lives in another county: not told apart from an unknown person.
        outcomes[2].Item1.ShouldBe("refused");
        outcomes[2].Item2!.ShouldContain("不在本轮范围 220204003001 内");
        outcomes[3].Item2!.ShouldContain("原因「on holiday」");
        outcomes[4].Item2!.ShouldContain("须填写备注");
        outcomes[5].Item2!.ShouldContain("证件号码无效");
        outcomes[6].ShouldBe(("exempted", null));

        await using (var db = host.Database.NewContext())
        {
            (await db.RoundExemptions.CountAsync()).ShouldBe(1);
        }

        // Lab staff and community workers may look, not exempt or remove.
        using var lab = await host.ClientAsync("lab");
        using var community = await host.ClientAsync("community");
        foreach (var client in new[] { lab, community })
        {
            using var post = await client.PostAsJsonAsync($"/api/v1/testing/rounds/{id}/exemptions", new { exemptions = new[] { new { idNumber = Li, reason = "quarantine" } } });
            post.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
            (await client.DeleteAsync($"/api/v1/testing/rounds/{id}/exemptions/1")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await community.GetFromJsonAsync<JsonElement>($"/api/v1/testing/rounds/{id}/exemptions")).GetProperty("totalCount").GetInt32().ShouldBe(1);

        // An unknown round: 404; an empty batch: 400 naming the field.
        (await county.PostAsJsonAsync("/api/v1/testing/rounds/999/exemptions", new { exemptions = new[] { new { idNumber = Li, reason = "quarantine" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var empty = await county.PostAsJsonAsync($"/api/v1/testing/rounds/{id}/exemptions", new { exemptions = Array.Empty<object>() });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("exemptions", out _).ShouldBeTrue();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImportExemptions_FromCsv_ListsRefusedLines_AndAgainRecordsNothingTwice(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        var id = await CreateRoundAsync(county);
        var path = Path.Combine(Path.GetTempPath(), $"exempt-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, $"id_number,reason,note\n{Zhang},quarantine,隔离酒店\n{Liu},hospital,\n{Wang},住院,\"市医院, 3 楼\"\n");
        try
        {
            await using var db = host.Database.NewContext();
            var first = (await ImportExemptions.HandleAsync(db, TimeProvider.System, id, path)).Value!;
            first.Exempted.ShouldBe(3 - 1);
            first.Refused.ShouldHaveSingleItem().Line.ShouldBe(3);

            var again = (await ImportExemptions.HandleAsync(db, TimeProvider.System, id, path)).Value!;
            (again.Exempted, again.AlreadyExempted).ShouldBe((0, 2));
            (await db.RoundExemptions.Where(e => e.RoundId == id).Select(e => e.Note).ToListAsync()).ShouldBe(["隔离酒店", "市医院, 3 楼"], ignoreOrder: true);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<long> CreateRoundAsync(HttpClient county)
    {
        using var created = await county.PostAsJsonAsync("/api/v1/testing/rounds", new { name = "船营区第一轮", regionCode = WebTestData.County, poolSize = 10 });
        created.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    private static async Task<List<JsonElement>> PostAsync(HttpClient client, long round, params (string IdNumber, string Reason, string? Note)[] items)
    {
        using var response = await client.PostAsJsonAsync(
            $"/api/v1/testing/rounds/{round}/exemptions", new { exemptions = items.Select(i => new { idNumber = i.IdNumber, reason = i.Reason, note = i.Note }) });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().ToList();
    }

    /// <summary>(shouldTest, sampled, notSampled, exempted) of a coverage line.</summary>
    private static (long, long, long, long) Counts(JsonElement line) => (
        line.GetProperty("shouldTest").GetInt64(), line.GetProperty("sampled").GetInt64(), line.GetProperty("notSampled").GetInt64(), line.GetProperty("exempted").GetInt64());
}
