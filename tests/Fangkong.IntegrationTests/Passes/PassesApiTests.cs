using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using static Fangkong.IntegrationTests.Passes.PassesWorld;

namespace Fangkong.IntegrationTests.Passes;

/// <summary>Passes and checkpoints end to end through the API, on both databases.</summary>
public sealed class PassesApiTests
{
    private const string Checkpoint = WebTestData.Street;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ApplyApproveScan_PassInItsCounty_IsAllowedAtTheCheckpointAndLogged(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var community = await host.ClientAsync("community");
        using var county = await host.ClientAsync("county");
        using var officer = await host.ClientAsync("officer");
        await SetQuotaAsync(county, unit, "SupplyTransport", 5);

        var id = await ApplyAsync(community, Application(unit, [WebTestData.County]));
        var queue = await county.GetFromJsonAsync<JsonElement>("/api/v1/passes?status=applied");
        queue.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetInt64()).ShouldBe([id]);
        queue.GetProperty("items")[0].GetProperty("holder").GetString().ShouldBe("张伟 220204********" + WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1)[14..17] + "*");
        var token = await ApproveAsync(county, id);
        var checkpoint = await CheckpointAsync(county, "大东街道北口卡点", Checkpoint);

        var scans = await ScanAsync(officer, checkpoint, Scan(token));

        var scan = scans.EnumerateArray().ShouldHaveSingleItem();
        scan.GetProperty("allowed").GetBoolean().ShouldBeTrue();
        scan.GetProperty("verdict").GetString().ShouldBe("allowed");
        scan.GetProperty("passId").GetInt64().ShouldBe(id);
        scan.GetProperty("plate").GetString().ShouldBe("吉B12345");
        var log = await county.GetFromJsonAsync<JsonElement>("/api/v1/checkpoints/scans");
        var row = log.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        (row.GetProperty("passId").GetInt64(), row.GetProperty("allowed").GetBoolean(), row.GetProperty("officer").GetString()).ShouldBe((id, true, "officer"));
        var detail = await county.GetFromJsonAsync<JsonElement>($"/api/v1/passes/{id}");
        detail.GetProperty("status").GetString().ShouldBe("approved");
        detail.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("action").GetString()).ShouldBe(["applied", "approved"]);
        using var qr = await county.GetAsync($"/api/v1/passes/{id}/qr.png");
        qr.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await qr.Content.ReadAsByteArrayAsync())[..4].ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
        var hours = await county.GetFromJsonAsync<JsonElement>($"/api/v1/checkpoints/throughput?checkpoint={checkpoint}&hours=3");
        hours.EnumerateArray().Sum(h => h.GetProperty("allowed").GetInt32()).ShouldBe(1);
        hours.GetArrayLength().ShouldBe(3);
        hours.EnumerateArray().Sum(h => h.GetProperty("refused").GetInt32()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Approve_PassAcrossTwoCounties_IsRefusedAtCountyLevelAndApprovedByTheCity(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        using var city = await host.ClientAsync("city");
        await SetQuotaAsync(county, unit, "SupplyTransport", 5);
        var id = await ApplyAsync(county, Application(unit, [WebTestData.County, WebTestData.OtherCounty]));
        var sameCounty = await ApplyAsync(county, Application(unit, [WebTestData.Street, WebTestData.OtherCommunity]));

        using var refused = await county.PostAsync($"/api/v1/passes/{id}/approve", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("市级");
        await ApproveAsync(county, sameCounty);
        var token = await ApproveAsync(city, id);
        token.ShouldStartWith("FKP1.");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Approve_UnitAtItsQuota_IsRefusedWithTheNumbers_AndAUnitWithoutQuotaToo(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        var first = await ApplyAsync(county, Application(unit, [WebTestData.County]));
        var second = await ApplyAsync(county, Application(unit, [WebTestData.County]));

        using var noQuota = await county.PostAsync($"/api/v1/passes/{first}/approve", null);
        noQuota.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await SetQuotaAsync(county, unit, "SupplyTransport", 1);
        await ApproveAsync(county, first);
        using var over = await county.PostAsync($"/api/v1/passes/{second}/approve", null);
        over.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var message = await over.Content.ReadAsStringAsync();
        message.ShouldContain("已有 1 张");
        message.ShouldContain("配额 1 张");

        // Revoking the first frees the place.
        (await county.PostAsJsonAsync($"/api/v1/passes/{first}/revoke", new { note = "车辆更换" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ApproveAsync(county, second);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Approve_OutsideTheApproversJurisdiction_IsRefused(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        using var changyi = await host.ClientAsync("changyi");
        await SetQuotaAsync(county, unit, "SupplyTransport", 5);
        // A unit of 船营区 asks for a pass valid only in 昌邑区: one county, but not the approver's.
        var elsewhere = await ApplyAsync(county, Application(unit, [WebTestData.OtherCounty]));
        var home = await ApplyAsync(county, Application(unit, [WebTestData.County]));

        using var outside = await county.PostAsync($"/api/v1/passes/{elsewhere}/approve", null);
        outside.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await outside.Content.ReadAsStringAsync()).ShouldContain(WebTestData.OtherCounty);
        using var otherCounty = await changyi.PostAsync($"/api/v1/passes/{home}/approve", null);
        otherCounty.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await county.GetFromJsonAsync<JsonElement>($"/api/v1/passes/{home}")).GetProperty("status").GetString().ShouldBe("applied");

        // The passes of 船营区's unit are not in 昌邑区's list, nor counted there.
        var listed = await changyi.GetFromJsonAsync<JsonElement>("/api/v1/passes");
        listed.GetProperty("totalCount").GetInt32().ShouldBe(0);
        listed.GetProperty("items").GetArrayLength().ShouldBe(0);
        (await county.GetFromJsonAsync<JsonElement>("/api/v1/passes")).GetProperty("items").GetArrayLength().ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RolesWithoutThePermission_Get403_AndBadInputNamesTheField(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var sampler = await host.ClientAsync("sampler");
        using var community = await host.ClientAsync("community");
        using var county = await host.ClientAsync("county");
        using var officer = await host.ClientAsync("officer");
        using var anonymous = await host.ClientAsync();
        var id = await ApplyAsync(community, Application(unit, [WebTestData.County]));
        var checkpoint = await CheckpointAsync(county, "卡点", Checkpoint);

        (await sampler.PostAsJsonAsync("/api/v1/passes", Application(unit, [WebTestData.County]))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await sampler.GetAsync("/api/v1/passes")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await community.PostAsync($"/api/v1/passes/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await officer.PostAsync($"/api/v1/passes/{id}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.PostAsJsonAsync($"/api/v1/checkpoints/{checkpoint}/scans", new { scans = new[] { Scan("FKP1.x.y") } })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await anonymous.GetAsync("/api/v1/passes/keys")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        using var badPlate = await community.PostAsJsonAsync("/api/v1/passes", Application(unit, [WebTestData.County], plate: "吉B1234"));
        badPlate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badPlate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("plate", out _).ShouldBeTrue();
        using var badKind = await community.PostAsJsonAsync("/api/v1/passes", Application(unit, [WebTestData.County], kind: "tourism"));
        (await badKind.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("kind", out _).ShouldBeTrue();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ScanBatch_UploadedTwice_IsLoggedOnce_AndForgedExpiredRevokedAreRefused(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        using var officer = await host.ClientAsync("officer");
        await SetQuotaAsync(county, unit, "SupplyTransport", 5);
        var good = await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County])));
        var later = await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County], from: DateTimeOffset.UtcNow.AddHours(2))));
        var revokedId = await ApplyAsync(county, Application(unit, [WebTestData.County]));
        var revoked = await ApproveAsync(county, revokedId);
        var beforeRevocation = DateTimeOffset.UtcNow.AddSeconds(-1);
        (await county.PostAsJsonAsync($"/api/v1/passes/{revokedId}/revoke", new { note = "持证人确诊" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var checkpoint = await CheckpointAsync(county, "卡点", Checkpoint);
        var forged = good[..^6] + (good[^6] == 'A' ? 'B' : 'A') + good[^5..];
        var batch = new[]
        {
            Scan(good, DateTimeOffset.UtcNow.AddMinutes(-3), "dev1-1"),
            Scan(forged, DateTimeOffset.UtcNow.AddMinutes(-2), "dev1-2"),
            Scan(later, DateTimeOffset.UtcNow.AddMinutes(-1), "dev1-3"),
            Scan(revoked, DateTimeOffset.UtcNow.AddMinutes(-1), "dev1-4"),
        };

        var first = await ScanAsync(officer, checkpoint, batch);
        var again = await ScanAsync(officer, checkpoint, batch);

        first.EnumerateArray().Select(s => s.GetProperty("verdict").GetString()).ShouldBe(["allowed", "badSignature", "notYetValid", "revoked"]);
        first.EnumerateArray().ShouldAllBe(s => !s.GetProperty("alreadyRecorded").GetBoolean());
        again.EnumerateArray().ShouldAllBe(s => s.GetProperty("alreadyRecorded").GetBoolean());
        again.EnumerateArray().Select(s => s.GetProperty("verdict").GetString()).ShouldBe(["allowed", "badSignature", "notYetValid", "revoked"]);
        (await county.GetFromJsonAsync<JsonElement>("/api/v1/checkpoints/scans")).GetProperty("totalCount").GetInt32().ShouldBe(4);
        var revocations = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/passes/revocations?since={Uri.EscapeDataString(beforeRevocation.ToString("O"))}");
        revocations.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("passId").GetInt64()).ShouldBe([revokedId]);
        var none = await officer.GetFromJsonAsync<JsonElement>($"/api/v1/passes/revocations?since={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"))}");
        none.GetProperty("items").GetArrayLength().ShouldBe(0);
        var keys = await officer.GetFromJsonAsync<JsonElement>("/api/v1/passes/keys");
        var key = keys.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        key.GetProperty("algorithm").GetString().ShouldBe("ES256");
        key.TryGetProperty("privateKey", out _).ShouldBeFalse();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Abuse_PassScannedAtDistantCheckpointsWithinMinutes_IsFlagged_AndNearOrSlowScansAreNot(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        using var officer = await host.ClientAsync("officer");
        await SetQuotaAsync(county, unit, "SupplyTransport", 5);
        var quick = await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County])));
        var slow = await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County])));
        var near = await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County])));
        var notYet = await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County], from: DateTimeOffset.UtcNow.AddHours(3))));
        // Jilin City centre, a point about 50 km east of it, and one about 5 km from the centre.
        var centre = await CheckpointAsync(county, "市区卡点", Checkpoint, 43.8378, 126.5494);
        var east = await CheckpointAsync(county, "东部卡点", Checkpoint, 43.8378, 127.1700);
        var nearby = await CheckpointAsync(county, "近郊卡点", Checkpoint, 43.8700, 126.5900);
        var now = DateTimeOffset.UtcNow;
        await ScanAsync(officer, centre, Scan(quick, now.AddMinutes(-25)), Scan(slow, now.AddMinutes(-100)), Scan(near, now.AddMinutes(-20)), Scan(notYet, now.AddMinutes(-5)));
        await ScanAsync(officer, east, Scan(quick, now.AddMinutes(-15)), Scan(slow, now.AddMinutes(-60)));
        await ScanAsync(officer, nearby, Scan(near, now.AddMinutes(-18)));

        var report = await county.GetFromJsonAsync<JsonElement>("/api/v1/passes/abuse?km=30&minutes=30");

        var flag = report.GetProperty("distant").EnumerateArray().ShouldHaveSingleItem();
        flag.GetProperty("firstCheckpoint").GetString().ShouldBe("市区卡点");
        flag.GetProperty("secondCheckpoint").GetString().ShouldBe("东部卡点");
        flag.GetProperty("km").GetDouble().ShouldBeInRange(45, 55);
        flag.GetProperty("minutes").GetDouble().ShouldBe(10, 0.1);
        report.GetProperty("outsideValidity").EnumerateArray().ShouldHaveSingleItem().GetProperty("verdict").GetString().ShouldBe("notYetValid");
        // Wider thresholds flag the slow pair too (40 minutes apart); a stricter distance flags nothing.
        (await county.GetFromJsonAsync<JsonElement>("/api/v1/passes/abuse?km=30&minutes=45")).GetProperty("distant").GetArrayLength().ShouldBe(2);
        (await county.GetFromJsonAsync<JsonElement>("/api/v1/passes/abuse?km=60&minutes=45")).GetProperty("distant").GetArrayLength().ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Abuse_QuotaLoweredBelowTheActivePasses_FlagsTheUnit_AndAtTheQuotaItDoesNot(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        await SetQuotaAsync(county, unit, "MedicalTransfer", 2);
        await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County], kind: "MedicalTransfer")));
        await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County], kind: "MedicalTransfer")));

        (await county.GetFromJsonAsync<JsonElement>("/api/v1/passes/abuse")).GetProperty("overQuota").GetArrayLength().ShouldBe(0);
        await SetQuotaAsync(county, unit, "MedicalTransfer", 1);
        var over = (await county.GetFromJsonAsync<JsonElement>("/api/v1/passes/abuse")).GetProperty("overQuota").EnumerateArray().ShouldHaveSingleItem();
        (over.GetProperty("unit").GetString(), over.GetProperty("active").GetInt32(), over.GetProperty("limit").GetInt32()).ShouldBe(("吉源保供超市", 2, 1));
    }
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Approve_FourApprovalsRacingForTwoPlaces_ApprovesExactlyTwo(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        await SetQuotaAsync(county, unit, "SupplyTransport", 2);
        var ids = new List<long>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add(await ApplyAsync(county, Application(unit, [WebTestData.County])));
        }

        var clients = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            clients.Add(await host.ClientAsync("county"));
        }

        var answers = await Task.WhenAll(ids.Select((id, i) => clients[i].PostAsync($"/api/v1/passes/{id}/approve", null)));

        answers.Count(a => a.StatusCode == HttpStatusCode.OK).ShouldBe(2);
        answers.Count(a => a.StatusCode == HttpStatusCode.Conflict).ShouldBe(2);
        var approved = await county.GetFromJsonAsync<JsonElement>("/api/v1/passes?status=approved");
        approved.GetProperty("totalCount").GetInt32().ShouldBe(2);
        foreach (var disposable in answers.Cast<IDisposable>().Concat(clients))
        {
            disposable.Dispose();
        }
    }
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ScanBatch_SentFourTimesAtOnce_IsLoggedOnce_AndEveryAnswerIsOk(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        await SetQuotaAsync(county, unit, "SupplyTransport", 5);
        var token = await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County])));
        var checkpoint = await CheckpointAsync(county, "卡点", Checkpoint);
        var batch = new { scans = Enumerable.Range(1, 20).Select(i => Scan(token, DateTimeOffset.UtcNow.AddMinutes(-i), $"dev2-{i}")).ToArray() };
        var officers = new List<HttpClient>();
        for (var i = 0; i < 4; i++)
        {
            officers.Add(await host.ClientAsync("officer"));
        }

        var answers = await Task.WhenAll(officers.Select(o => o.PostAsJsonAsync($"/api/v1/checkpoints/{checkpoint}/scans", batch)));

        answers.Select(a => a.StatusCode).ShouldAllBe(s => s == HttpStatusCode.OK);
        (await county.GetFromJsonAsync<JsonElement>("/api/v1/checkpoints/scans")).GetProperty("totalCount").GetInt32().ShouldBe(20);
        foreach (var disposable in answers.Cast<IDisposable>().Concat(officers))
        {
            disposable.Dispose();
        }
    }
}
