using System.Globalization;
using System.Security.Cryptography;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Passes;

/// <summary>
/// An ECDSA P-256 key pair that signs passes. The private key (PKCS#8) stays in this table: no
/// API or page reads it and the audit log leaves it out; checkpoints get only the public keys.
/// The newest key that is not retired signs; retired keys still verify until their passes end.
/// See docs/decisions/0010-signed-passes.md.
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

    private PassSigningKey(string keyId, byte[] publicKey, byte[] privateKey, DateTimeOffset createdAt)
    {
        KeyId = keyId;
        PublicKey = publicKey;
        PrivateKey = privateKey;
        CreatedAt = createdAt.ToUniversalTime();
    }

    public long Id { get; private set; }

    public string KeyId { get; private set; }

    /// <summary>SubjectPublicKeyInfo, DER.</summary>
    public byte[] PublicKey { get; private set; }

    /// <summary>PKCS#8, DER. Never leaves the server.</summary>
    public byte[] PrivateKey { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? RetiredAt { get; private set; }

    public static PassSigningKey Create(DateTimeOffset now)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var id = "k" + now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));
        return new PassSigningKey(id, key.ExportSubjectPublicKeyInfo(), key.ExportPkcs8PrivateKey(), now);
    }

    public ECDsa OpenPrivate()
    {
        var key = ECDsa.Create();
        key.ImportPkcs8PrivateKey(PrivateKey, out _);
        return key;
    }

    public void Retire(DateTimeOffset at) => RetiredAt ??= at.ToUniversalTime();

    public PublicKeyInfo ToPublic() => new(KeyId, PublicKey, CreatedAt, RetiredAt);
}

/// <summary>Creates, finds and rotates the pass-signing keys.</summary>
public static class PassKeys
{
    /// <summary>The key that signs now, created on first use.</summary>
    public static async Task<PassSigningKey> CurrentAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var key = await db.PassSigningKeys.Where(k => k.RetiredAt == null).OrderByDescending(k => k.Id).FirstOrDefaultAsync(ct);
        if (key is not null)
        {
            return key;
        }

        key = PassSigningKey.Create(time.GetUtcNow());
        db.PassSigningKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return key;
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

        var key = PassSigningKey.Create(now);
        db.PassSigningKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return key.ToPublic();
    }

    /// <summary>Every public key, current and retired, for checkpoints.</summary>
    public static async Task<IReadOnlyList<PublicKeyInfo>> PublicAsync(FangkongDbContext db, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var keys = await db.PassSigningKeys.AsNoTracking().OrderBy(k => k.Id)
            .Select(k => new { k.KeyId, k.PublicKey, k.CreatedAt, k.RetiredAt })
            .ToListAsync(ct);
        return keys.Select(k => new PublicKeyInfo(k.KeyId, k.PublicKey, k.CreatedAt, k.RetiredAt)).ToList();
    }

    /// <summary>Ids of revoked passes (of every region: a checkpoint refuses them wherever they were issued), revoked at or after <paramref name="since"/>.</summary>
    public static async Task<IReadOnlyList<Revocation>> RevocationsAsync(FangkongDbContext db, DateTimeOffset? since, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var query = db.Passes.IgnoreQueryFilters().AsNoTracking().Where(p => p.Status == PassStatus.Revoked && p.RevokedAt != null);
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
