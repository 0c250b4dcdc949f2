using System.Data.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Passes;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Passes;

/// <summary>
/// The Data Protection key ring, stored in the database beside the pass-signing key it protects,
/// is itself encrypted at rest with the key ring certificate (ADR 0028): no ring row holds a
/// master key in plain XML, and the signing key still decrypts.
/// </summary>
public sealed class KeyRingEncryptionTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task KeyRing_StoredXml_HoldsNoPlainMasterKey_AndTheSigningKeyStillDecrypts(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        // The first signer makes the signing key and, to protect it, the ring's first master key.
        var (keyId, signer) = await PassKeys.SignerAsync(db, TimeProvider.System);
        signer.Dispose();

        var rows = await XmlAsync(db);
        rows.ShouldNotBeEmpty();
        foreach (var xml in rows)
        {
            xml.ShouldContain("<encryptedSecret");
            xml.ShouldContain("EncryptedData");
            xml.ShouldNotContain("<masterKey");
            xml.ShouldNotContain("<value>");
            xml.ShouldNotContain("unencrypted form");
        }

        await using var again = database.NewContext();
        var (sameKey, reread) = await PassKeys.SignerAsync(again, TimeProvider.System);
        using (reread)
        {
            sameKey.ShouldBe(keyId);
        }
    }

    [Fact]
    public void Certificate_MissingFile_IsCreatedForTheServiceUserAlone_WithItsPrivateKey()
    {
        var folder = Path.Combine(Path.GetTempPath(), $"fk-ring-{Guid.NewGuid():N}");
        var path = Path.Combine(folder, "keyring.pfx");
        try
        {
            using var created = KeyRingCertificate.LoadOrCreate(path, "pw");
            created.HasPrivateKey.ShouldBeTrue();
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
                File.GetUnixFileMode(folder).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

                // A file left readable by others is narrowed on load, and the same certificate comes back.
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            }

            using var loaded = KeyRingCertificate.LoadOrCreate(path, "pw");
            loaded.Thumbprint.ShouldBe(created.Thumbprint);
            if (!OperatingSystem.IsWindows())
            {
                File.GetUnixFileMode(path).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<List<string>> XmlAsync(FangkongDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using DbCommand command = connection.CreateCommand();
        command.CommandText = "SELECT xml FROM data_protection_keys";
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
