using System.Globalization;
using System.Security.Cryptography;
using Fangkong.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Passes;

/// <summary>
/// An ECDSA P-256 key pair that signs passes. The private key (PKCS#8) stays in this table,
/// encrypted with Data Protection (<see cref="PassKeyProtection"/>): no API or page reads it and the
/// audit log leaves it out; checkpoints get only the public keys. The newest key that is not
/// retired signs; retired keys still verify until their passes end.
/// See docs/decisions/0010-signed-passes.md and 0015-pass-key-protection.md.
/// </summary>
public sealed class PassSigningKey
{
    public const int KeyIdMaxLength = 32;

    private PassSigningKey()
    {
        KeyId = string.Empty;
        PublicKey = [];
        PrivateKey = [];
    }

    private PassSigningKey(string keyId, byte[] publicKey, byte[] protectedPrivateKey, DateTimeOffset createdAt)
    {
        KeyId = keyId;
        PublicKey = publicKey;
        PrivateKey = protectedPrivateKey;
        IsEncrypted = true;
        CanonicalSignatures = true;
        CreatedAt = createdAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public string KeyId { get; private set; }

    /// <summary>SubjectPublicKeyInfo, DER.</summary>
    public byte[] PublicKey { get; private set; }

    /// <summary>PKCS#8, DER, encrypted by Data Protection when <see cref="IsEncrypted"/>. Never leaves the server.</summary>
    public byte[] PrivateKey { get; private set; }

    /// <summary>False only for keys stored before encryption, until <see cref="PassKeys.ProtectStoredAsync"/> encrypts them.</summary>
    public bool IsEncrypted { get; private set; }

    /// <summary>Every pass this key signed carries the low-S signature (<see cref="PassSignature"/>); keys from before may have signed either form.</summary>
    public bool CanonicalSignatures { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    public static PassSigningKey Create(DateTimeOffset now, IDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var id = "k" + now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        var pkcs8 = key.ExportPkcs8PrivateKey();
        try
        {
            return new PassSigningKey(id, key.ExportSubjectPublicKeyInfo(), protector.Protect(pkcs8), now);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    public ECDsa OpenPrivate(IDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        var pkcs8 = IsEncrypted ? protector.Unprotect(PrivateKey) : PrivateKey;
        try
        {
            var key = ECDsa.Create();
            key.ImportPkcs8PrivateKey(pkcs8, out _);
            return key;
        }
        finally
        {
            if (IsEncrypted)
            {
                CryptographicOperations.ZeroMemory(pkcs8);
            }
        }
    }

    /// <summary>Encrypts a private key stored in plain text (before migration 0106); the key pair, and so every pass it signed, stays the same.</summary>
    public bool Protect(IDataProtector protector)
    {
        ArgumentNullException.ThrowIfNull(protector);
        if (IsEncrypted)
        {
            return false;
        }

        var plain = PrivateKey;
        PrivateKey = protector.Protect(plain);
        IsEncrypted = true;
        CryptographicOperations.ZeroMemory(plain);
        return true;
    }

    public void Retire(DateTimeOffset at) => RetiredAt ??= at.ToUniversalTime();

    public PublicKeyInfo ToPublic() => new(KeyId, PublicKey, CreatedAt, RetiredAt, CanonicalSignatures);
}

/// <summary>Creates, finds and rotates the pass-signing keys.</summary>
public static class PassKeys
{
    /// <summary>The migration that adds encryption: keys can be encrypted once it is applied.</summary>
    public const string ProtectionMigration = "0106_pass_key_protection";

    /// <summary>The key that signs now (created on first use) and its private key, opened for signing.</summary>
    public static async Task<(string KeyId, ECDsa Signer)> SignerAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var protector = PassKeyProtection.For(db);
        var key = await db.PassSigningKeys.Where(k => k.RetiredAt == null).OrderByDescending(k => k.Id).FirstOrDefaultAsync(ct);
        if (key is null)
        {
            key = PassSigningKey.Create(time.GetUtcNow(), protector);
            db.PassSigningKeys.Add(key);
            await db.SaveChangesAsync(ct);
        }
        else if (key.Protect(protector))
        {
            // A key from before encryption that no start-up has encrypted yet.
            await db.SaveChangesAsync(ct);
        }

        return (key.KeyId, key.OpenPrivate(protector));
    }

    /// <summary>Encrypts every private key still stored in plain text; returns how many. Run by the migrator, so on first start.</summary>
    public static async Task<int> ProtectStoredAsync(FangkongDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var plain = await db.PassSigningKeys.Where(k => !k.IsEncrypted).ToListAsync(ct);
        if (plain.Count == 0)
        {
            return 0;
        }

        var protector = PassKeyProtection.For(db);
        foreach (var key in plain)
        {
            key.Protect(protector);
        }

        await db.SaveChangesAsync(ct);
        return plain.Count;
    }

    /// <summary>Retires the current key and makes a new one; passes signed before keep verifying with the old public key.</summary>
    public static async Task<PublicKeyInfo> RotateAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        foreach (var old in await db.PassSigningKeys.Where(k => k.RetiredAt == null).ToListAsync(ct))
        {
            old.Retire(now);
        }

        var key = PassSigningKey.Create(now, PassKeyProtection.For(db));
        db.PassSigningKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return key.ToPublic();
    }

    /// <summary>Every public key, current and retired, for checkpoints.</summary>
    public static async Task<IReadOnlyList<PublicKeyInfo>> PublicAsync(FangkongDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = await db.PassSigningKeys.AsNoTracking().OrderBy(k => k.Id)
            .Select(k => new { k.KeyId, k.PublicKey, k.CreatedAt, k.RetiredAt, k.CanonicalSignatures })
            .ToListAsync(ct);
        return keys.Select(k => new PublicKeyInfo(k.KeyId, k.PublicKey, k.CreatedAt, k.RetiredAt, k.CanonicalSignatures)).ToList();
    }

    /// <summary>Ids of revoked passes (of every region: a checkpoint refuses them wherever they were issued), revoked at or after <paramref name="since"/>.</summary>
    public static async Task<IReadOnlyList<Revocation>> RevocationsAsync(FangkongDbContext db, DateTimeOffset? since, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Passes.BypassJurisdiction(BypassReason.PassValidEverywhere).AsNoTracking().Where(p => p.Status == PassStatus.Revoked && p.RevokedAt != null);
        if (since is { } s)
        {
            query = query.Where(p => p.RevokedAt >= s);
        }

        return await query.OrderBy(p => p.RevokedAt).Select(p => new Revocation(p.Id, p.RevokedAt!.Value)).ToListAsync(ct);
    }

    /// <summary>A verifier over the stored public keys and revocations, as a checkpoint would hold them.</summary>
    public static async Task<PassVerifier> VerifierAsync(FangkongDbContext db, CancellationToken ct = default) =>
        new(await PublicAsync(db, ct), (await RevocationsAsync(db, null, ct)).Select(r => r.PassId));
}

/// <summary>A revoked pass and when it was revoked.</summary>
public sealed record Revocation(long PassId, DateTimeOffset RevokedAt);
