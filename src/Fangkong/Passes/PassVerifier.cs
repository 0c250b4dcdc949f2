using System.Collections.Frozen;
using System.Security.Cryptography;
using Fangkong.Common;

namespace Fangkong.Passes;

/// <summary>Why a checkpoint refuses a pass (or that it allows it).</summary>
public enum PassVerdict
{
    Allowed,
    Malformed,
    UnknownKey,
    BadSignature,
    NotYetValid,
    Expired,
    WrongRegion,
    Revoked,

    /// <summary>Signed with a real key, but no such pass was issued (server check only: see <see cref="RecordPassScans"/>).</summary>
    UnknownPass,

    /// <summary>The device re-sent a client id already used at this checkpoint with another token.</summary>
    ClientIdReused,
}

/// <summary>The outcome of one check: the verdict, the pass when the payload could be read, and a reason for people.</summary>
public sealed record PassCheck(PassVerdict Verdict, PassToken? Pass)
{
    public bool Allowed => Verdict == PassVerdict.Allowed;

    public string Reason => Verdict switch
    {
        PassVerdict.Allowed => ErrorText.Of("error.passes.allowed"),
        PassVerdict.Malformed => ErrorText.Of("error.passes.not-pass-token"),
        PassVerdict.UnknownKey => ErrorText.Of("error.passes.unknown-signing-key-possibly-forged"),
        PassVerdict.BadSignature => ErrorText.Of("error.passes.bad-signature-forged-altered"),
        PassVerdict.NotYetValid => ErrorText.Of("error.passes.not-yet-valid"),
        PassVerdict.Expired => ErrorText.Of("error.passes.expired"),
        PassVerdict.WrongRegion => ErrorText.Of("error.passes.not-valid-region"),
        PassVerdict.Revoked => ErrorText.Of("error.passes.revoked"),
        PassVerdict.UnknownPass => ErrorText.Of("error.passes.no-such-pass-issued-forged"),
        PassVerdict.ClientIdReused => ErrorText.Of("error.passes.scan-s-client-id-used"),
        _ => Verdict.ToString(),
    };
}

/// <summary>
/// Verifies pass tokens offline: needs only the public keys (by key id) and the ids of revoked
/// passes, so a checkpoint device can refuse forged, expired, out-of-region and revoked passes
/// without a network. Thread-safe once built; build a new one when keys or revocations change.
/// </summary>
public sealed class PassVerifier : IDisposable
{
    private readonly FrozenDictionary<string, ECDsa> _keys;
    private readonly FrozenSet<long> _revoked;
    private readonly FrozenSet<string> _lowSOnly;

    public PassVerifier(IEnumerable<PublicKeyInfo> keys, IEnumerable<long> revoked)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var list = keys.ToList();
        _keys = list.ToFrozenDictionary(k => k.KeyId, k =>
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportSubjectPublicKeyInfo(k.PublicKey, out _);
            return ecdsa;
        }, StringComparer.Ordinal);
        _lowSOnly = list.Where(k => k.LowS).Select(k => k.KeyId).ToFrozenSet(StringComparer.Ordinal);
        _revoked = revoked.ToFrozenSet();
    }

    public int KeyCount => _keys.Count;

    /// <summary>Checks a token scanned at a checkpoint in <paramref name="checkpointRegion"/> at <paramref name="at"/>.</summary>
    public PassCheck Verify(string? token, string checkpointRegion, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(checkpointRegion);
        if (!PassToken.TrySplit(token, out var payload, out var signature))
        {
            return new PassCheck(PassVerdict.Malformed, null);
        }

        var pass = PassToken.Read(payload);
        if (pass is null)
        {
            return new PassCheck(PassVerdict.Malformed, null);
        }

        if (!_keys.TryGetValue(pass.KeyId, out var key))
        {
            return new PassCheck(PassVerdict.UnknownKey, pass);
        }

        // Nothing of an unsigned payload is trusted, so the signature comes before every other check.
        // (r, n - s) verifies as well as (r, s): keys that sign only low-S refuse the other form, so
        // one pass has one token text (keys from before kept both forms; the server compares the
        // token with the one it issued, see RecordPassScans).
        if (signature.Length != PassSignature.Length
            || (_lowSOnly.Contains(pass.KeyId) && !PassSignature.IsLowS(signature))
            || !key.VerifyData(payload, signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation))
        {
            return new PassCheck(PassVerdict.BadSignature, pass);
        }

        if (_revoked.Contains(pass.PassId))
        {
            return new PassCheck(PassVerdict.Revoked, pass);
        }

        if (at < pass.ValidFrom)
        {
            return new PassCheck(PassVerdict.NotYetValid, pass);
        }

        if (at > pass.ValidTo)
        {
            return new PassCheck(PassVerdict.Expired, pass);
        }

        foreach (var region in pass.Regions)
        {
            if (checkpointRegion.StartsWith(region, StringComparison.Ordinal))
            {
                return new PassCheck(PassVerdict.Allowed, pass);
            }
        }

        return new PassCheck(PassVerdict.WrongRegion, pass);
    }

    public void Dispose()
    {
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }
    }
}

/// <summary>
/// A public key as checkpoints receive it: its id and SubjectPublicKeyInfo (DER) bytes; with
/// <paramref name="LowS"/>, every pass it signed carries the low-S signature, and no other is accepted.
/// </summary>
public sealed record PublicKeyInfo(string KeyId, byte[] PublicKey, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt, bool LowS = false);
