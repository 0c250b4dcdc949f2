using System.Net.Http.Json;
using System.Buffers.Text;
using System.Data.Common;
using System.Numerics;
using System.Security.Cryptography;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Passes;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Passes.PassesWorld;

namespace Fangkong.IntegrationTests.Passes;

/// <summary>Issue 14 item 7: the signing key encrypted at rest, plaintext keys migrated, forged and altered passes refused.</summary>
public sealed class PassKeyProtectionTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SigningKey_IsStoredEncrypted_TheRawColumnHoldsNoKeyBytes(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        await SetQuotaAsync(county, unit, "SupplyTransport", 5);
        await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County])));

        await using var db = host.Database.NewContext();
        var (raw, flagged) = await RawKeyAsync(db);
        var (_, signer) = await PassKeys.SignerAsync(db, TimeProvider.System);
        using (signer)
        {
            var pkcs8 = signer.ExportPkcs8PrivateKey();
            var scalar = signer.ExportParameters(true).D!;
            flagged.ShouldBeTrue();
            Contains(raw, pkcs8).ShouldBeFalse();
            Contains(raw, scalar).ShouldBeFalse();
        }

        (await ScalarAsync(db, "SELECT COUNT(*) FROM data_protection_keys")).ShouldBeGreaterThan(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PlaintextKeyFromBefore_IsEncryptedByTheMigrator_AndPassesItSignedStillVerify(DatabaseProvider provider)
    {
        // The database as it was before keys were encrypted (migrations up to 0103), with a key stored then.
        await using var database = await TestDatabase.CreateAsync(provider, upTo: "0104");
        using var legacy = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var pkcs8 = legacy.ExportPkcs8PrivateKey();
        object created = provider == DatabaseProvider.Sqlite ? DateTimeOffset.UtcNow.AddDays(-10).ToUnixTimeMilliseconds() : DateTimeOffset.UtcNow.AddDays(-10);
        await using (var db = database.NewContext())
        {
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO pass_signing_keys (key_id, public_key, private_key, created_at) VALUES ('legacy1', {legacy.ExportSubjectPublicKeyInfo()}, {pkcs8}, {created})");
        }

        // A pass issued before, with the high-S signature that the old signer produced half the time.
        var issued = new PassToken("legacy1", 7, PassKind.SupplyTransport, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(1), [WebTestData.County], "吉B12345", "张* 220204********0011");
        var token = WithSignature(issued.Sign(legacy), HighS);

        (await database.MigrateAsync()).ShouldContain(PassKeys.ProtectionMigration);

        await using var after = database.NewContext();
        var (raw, flagged) = await RawKeyAsync(after);
        flagged.ShouldBeTrue();
        Contains(raw, pkcs8).ShouldBeFalse();
        var (keyId, signer) = await PassKeys.SignerAsync(after, TimeProvider.System);
        using (signer)
        {
            keyId.ShouldBe("legacy1");
            signer.ExportSubjectPublicKeyInfo().ShouldBe(legacy.ExportSubjectPublicKeyInfo());
        }

        using var verifier = await PassKeys.VerifierAsync(after);
        verifier.Verify(token, WebTestData.Street, DateTimeOffset.UtcNow).Verdict.ShouldBe(PassVerdict.Allowed);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ForgedPass_SignedWithTheRealKey_ButNeverIssued_IsRefused(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        using var officer = await host.ClientAsync("officer");
        await SetQuotaAsync(county, unit, "SupplyTransport", 5);
        var realToken = await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County])));
        PassToken.TrySplit(realToken, out var realPayload, out _).ShouldBeTrue();
        var real = PassToken.Read(realPayload)!;
        var checkpoint = await CheckpointAsync(county, "北口卡点", WebTestData.Street);
        string provinceWide, widened;
        await using (var db = host.Database.NewContext())
        {
            // What an attacker holding the key could sign: a province-wide pass with an id never issued,
            // and the real pass with its regions widened.
            var (keyId, signer) = await PassKeys.SignerAsync(db, TimeProvider.System);
            using (signer)
            {
                provinceWide = new PassToken(keyId, 987654, PassKind.Emergency, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(30), ["22"], "吉A00001", "王*").Sign(signer);
                widened = (real with { Regions = ["22"] }).Sign(signer);
            }
        }

        var scans = await ScanAsync(officer, checkpoint, Scan(provinceWide), Scan(widened), Scan(realToken));

        scans.EnumerateArray().Select(s => s.GetProperty("verdict").GetString()).ShouldBe(["unknownPass", "unknownPass", "allowed"]);
        scans[0].GetProperty("plate").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AlteredSignature_HighSTwinPaddingOrALineBreak_IsRefused(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        using var officer = await host.ClientAsync("officer");
        await SetQuotaAsync(county, unit, "SupplyTransport", 5);
        var token = await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County])));
        var checkpoint = await CheckpointAsync(county, "北口卡点", WebTestData.Street);
        // Texts a lenient base64url decoder reads as the same signature bytes: padded, and with white
        // space inside (a space here: a line break is already refused at the API's edge, checked below).
        var dot = token.LastIndexOf('.') + 1;
        var padded = token + "==";
        var broken = token[..(dot + 40)] + " " + token[(dot + 40)..];
        Base64Url.DecodeFromChars(padded.AsSpan(dot)).ShouldBe(Base64Url.DecodeFromChars(token.AsSpan(dot)));
        Base64Url.DecodeFromChars(broken.AsSpan(dot)).ShouldBe(Base64Url.DecodeFromChars(token.AsSpan(dot)));

        var scans = await ScanAsync(officer, checkpoint, Scan(WithSignature(token, HighS)), Scan(padded), Scan(broken), Scan(token));

        scans.EnumerateArray().Select(s => s.GetProperty("allowed").GetBoolean()).ShouldBe([false, false, false, true]);
        scans[0].GetProperty("verdict").GetString().ShouldBe("badSignature");
        scans[1].GetProperty("verdict").GetString().ShouldBe("malformed");
        scans[2].GetProperty("verdict").GetString().ShouldBe("malformed");

        using var lineBreak = await officer.PostAsJsonAsync($"/api/v1/checkpoints/{checkpoint}/scans", new { scans = new[] { Scan(token[..(dot + 40)] + "\n" + token[(dot + 40)..]) } });
        lineBreak.StatusCode.ShouldBe(System.Net.HttpStatusCode.BadRequest);
        (await lineBreak.Content.ReadAsStringAsync()).ShouldContain("scans[0].token");
    }

    private static readonly BigInteger Order = new(Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551"), isUnsigned: true, isBigEndian: true);

    /// <summary>(r, s) → (r, n − s): as valid to ECDSA, a different text.</summary>
    private static byte[] HighS(byte[] signature)
    {
        var result = signature.ToArray();
        var s = new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true);
        var twin = (Order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
        Array.Clear(result, 32, 32);
        twin.CopyTo(result, 64 - twin.Length);
        return result;
    }

    private static string WithSignature(string token, Func<byte[], byte[]> change)
    {
        PassToken.TrySplit(token, out var payload, out var signature).ShouldBeTrue();
        return $"{PassToken.Prefix}{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(change(signature))}";
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static async Task<(byte[] Raw, bool Protected)> RawKeyAsync(FangkongDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT private_key, private_key_protected FROM pass_signing_keys";
        await using var reader = await command.ExecuteReaderAsync();
        (await reader.ReadAsync()).ShouldBeTrue();
        var raw = (byte[])reader.GetValue(0);
        var flagged = Convert.ToBoolean(reader.GetValue(1), System.Globalization.CultureInfo.InvariantCulture);
        (await reader.ReadAsync()).ShouldBeFalse();
        return (raw, flagged);
    }

    private static async Task<long> ScalarAsync(FangkongDbContext db, string sql)
    {
        DbConnection connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
