using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Passes;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Passes.PassesWorld;

namespace Fangkong.IntegrationTests.Passes;

/// <summary>Issue 14 item 3: a scan's client id is scoped to its checkpoint and bound to the token it was first used with.</summary>
public sealed class ScanClientIdTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SameClientId_WithAForgedRevokedOrOtherPassToken_IsRefusedWith409_AndEachAttemptIsLogged(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        using var officer = await host.ClientAsync("officer");
        await SetQuotaAsync(county, unit, "SupplyTransport", 5);
        var good = await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County])));
        var other = await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County], plate: "吉B55555")));
        var revokedId = await ApplyAsync(county, Application(unit, [WebTestData.County]));
        var revoked = await ApproveAsync(county, revokedId);
        (await county.PostAsJsonAsync($"/api/v1/passes/{revokedId}/revoke", new { note = "持证人确诊" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var checkpoint = await CheckpointAsync(county, "北口卡点", WebTestData.Street);
        (await ScanAsync(officer, checkpoint, Scan(good, clientId: "dev-1")))[0].GetProperty("verdict").GetString().ShouldBe("allowed");

        foreach (var token in new[] { "FKP1.forged.token", revoked, other })
        {
            using var response = await officer.PostAsJsonAsync($"/api/v1/checkpoints/{checkpoint}/scans", new { scans = new[] { Scan(token, clientId: "dev-1") } });
            var body = await response.Content.ReadAsStringAsync();
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict, body);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            body.ShouldContain("scans[0]");
            body.ShouldNotContain("allowed");
        }

        var same = await ScanAsync(officer, checkpoint, Scan(good, clientId: "dev-1"));
        same[0].GetProperty("alreadyRecorded").GetBoolean().ShouldBeTrue();
        same[0].GetProperty("verdict").GetString().ShouldBe("allowed");

        await using var db = host.Database.NewContext();
        var logged = await db.PassScans.Where(s => s.ClientId == "dev-1").OrderBy(s => s.Id).ToListAsync();
        logged.Count.ShouldBe(4);
        logged[0].Verdict.ShouldBe(PassVerdict.Allowed);
        logged.Skip(1).ShouldAllBe(s => s.Verdict == PassVerdict.ClientIdReused && !s.Allowed && s.ReplayOf == logged[0].Id);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SameClientId_AtAnotherCheckpoint_IsAScanOfItsOwn_NotTheOldVerdict(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        using var officer = await host.ClientAsync("officer");
        await SetQuotaAsync(county, unit, "SupplyTransport", 5);
        var good = await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County])));
        var north = await CheckpointAsync(county, "北口卡点", WebTestData.Street);
        var south = await CheckpointAsync(county, "南口卡点", WebTestData.Street);
        await ScanAsync(officer, north, Scan(good, clientId: "dev-9"));

        var there = await ScanAsync(officer, south, Scan("FKP1.forged.token", clientId: "dev-9"));

        there[0].GetProperty("alreadyRecorded").GetBoolean().ShouldBeFalse();
        there[0].GetProperty("verdict").GetString().ShouldBe("malformed");
        there[0].GetProperty("allowed").GetBoolean().ShouldBeFalse();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ScanForm_ReusedClientIdWithAnotherToken_ShowsTheConflict_NotTheOldVerdict(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        using var officer = await host.ClientAsync("officer");
        await SetQuotaAsync(county, unit, "SupplyTransport", 5);
        var good = await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County])));
        var checkpoint = await CheckpointAsync(county, "北口卡点", WebTestData.Street);
        await ScanFormAsync(officer, checkpoint, good, "form-1");

        using var refused = await PostScanFormAsync(officer, checkpoint, "FKP1.forged.token", "form-1");

        refused.StatusCode.ShouldBe(System.Net.HttpStatusCode.Conflict);
        var shown = await refused.Content.ReadAsStringAsync();
        shown.ShouldContain("已拒绝并记录");
        shown.ShouldNotContain("data-testid=\"verdict\"");
        var log = await county.GetFromJsonAsync<JsonElement>($"/api/v1/checkpoints/scans?checkpoint={checkpoint}");
        log.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("verdict").GetString()).ShouldBe(["clientIdReused", "allowed"]);
    }
}
