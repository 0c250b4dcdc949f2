using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Passes;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Passes.PassesWorld;

namespace Fangkong.IntegrationTests.Passes;

/// <summary>The signing keys: created once, rotated without breaking issued passes, never published or audited in private.</summary>
public sealed class PassKeysTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RotateKey_PassSignedBefore_StillVerifies_AndNewPassesUseTheNewKey(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        using var officer = await host.ClientAsync("officer");
        await SetQuotaAsync(county, unit, "Emergency", 5);
        var before = await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County], kind: "Emergency")));
        PublicKeyInfo rotated;
        await using (var db = host.Database.NewContext())
        {
            rotated = await PassKeys.RotateAsync(db, TimeProvider.System);
        }

        var after = await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County], kind: "Emergency")));
        var checkpoint = await CheckpointAsync(county, "卡点", WebTestData.Street);

        var scans = await ScanAsync(officer, checkpoint, Scan(before), Scan(after));

        scans.EnumerateArray().Select(s => s.GetProperty("verdict").GetString()).ShouldBe(["allowed", "allowed"]);
        PassToken.TrySplit(after, out var payload, out _).ShouldBeTrue();
        PassToken.Read(payload)!.KeyId.ShouldBe(rotated.KeyId);
        PassToken.TrySplit(before, out var oldPayload, out _).ShouldBeTrue();
        PassToken.Read(oldPayload)!.KeyId.ShouldNotBe(rotated.KeyId);
        var keys = await officer.GetFromJsonAsync<JsonElement>("/api/v1/passes/keys");
        keys.GetProperty("items").EnumerateArray().Select(k => k.GetProperty("keyId").GetString()).ShouldBe([PassToken.Read(oldPayload)!.KeyId, rotated.KeyId]);
        keys.GetProperty("items")[0].GetProperty("retiredAt").ValueKind.ShouldNotBe(JsonValueKind.Null);
        // The new key signs low-S only and is stored encrypted, as every key made after issue 14.
        keys.GetProperty("items")[1].GetProperty("lowS").GetBoolean().ShouldBeTrue();
        await using var check = host.Database.NewContext();
        (await check.PassSigningKeys.SingleAsync(k => k.KeyId == rotated.KeyId)).IsEncrypted.ShouldBeTrue();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SigningKey_CreatedOnFirstApproval_IsAudited_WithoutItsPrivateKey(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        await SetQuotaAsync(county, unit, "SupplyStaff", 5);

        await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County], kind: "SupplyStaff")));
        await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County], kind: "SupplyStaff")));

        await using var db = host.Database.NewContext();
        (await db.PassSigningKeys.CountAsync()).ShouldBe(1);
        var audit = await db.AuditLog.Where(a => a.Entity == nameof(PassSigningKey)).ToListAsync();
        audit.ShouldHaveSingleItem().After!.ShouldNotContain("PrivateKey");
        (await db.AuditLog.CountAsync(a => a.Entity == nameof(Pass) && a.Action == "update")).ShouldBe(2);
    }
}
