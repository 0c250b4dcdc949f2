using System.Buffers.Text;
using System.Security.Cryptography;
using Fangkong.Passes;

namespace Fangkong.UnitTests.Passes;

public sealed class PassVerifierTests : IDisposable
{
    private static readonly DateTimeOffset From = new(2022, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = From.AddDays(7);
    private static readonly DateTimeOffset During = From.AddDays(1);
    private const string Checkpoint = "220204003001";

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private readonly PassVerifier _verifier;

    public PassVerifierTests() => _verifier = VerifierFor([("k1", _key)], []);

    private static PassToken Token(long id = 42, string keyId = "k1", params string[] regions) =>
        new(keyId, id, PassKind.SupplyTransport, From, To, regions.Length == 0 ? ["220204"] : regions, "吉B12345", "张* 220204********1234");

    private static PassVerifier VerifierFor(IEnumerable<(string Id, ECDsa Key)> keys, IEnumerable<long> revoked) =>
        new(keys.Select(k => new PublicKeyInfo(k.Id, k.Key.ExportSubjectPublicKeyInfo(), From, null)), revoked);

    [Fact]
    public void Verify_SignedPassInItsRegionAndWindow_IsAllowed()
    {
        var check = _verifier.Verify(Token().Sign(_key), Checkpoint, During);

        check.Verdict.ShouldBe(PassVerdict.Allowed);
        check.Pass!.PassId.ShouldBe(42);
        check.Pass.Plate.ShouldBe("吉B12345");
        check.Pass.Regions.ShouldBe(["220204"]);
    }

    [Fact]
    public void Token_RoundTrip_KeepsEveryField()
    {
        var token = new PassToken("k1", long.MaxValue, PassKind.Emergency, From, To, ["220204", "220202001"], string.Empty, "李*");

        PassToken.TrySplit(token.Sign(_key), out var payload, out _).ShouldBeTrue();
        var read = PassToken.Read(payload);

        read.ShouldNotBeNull();
        (read.KeyId, read.PassId, read.Kind, read.ValidFrom, read.ValidTo, read.Plate, read.Holder).ShouldBe(("k1", long.MaxValue, PassKind.Emergency, From, To, string.Empty, "李*"));
        read.Regions.ShouldBe(["220204", "220202001"]);
    }

    [Fact]
    public void Verify_SignedByAnotherKeyUnderTheSameKeyId_IsRefusedAsForged()
    {
        using var forger = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        _verifier.Verify(Token().Sign(forger), Checkpoint, During).Verdict.ShouldBe(PassVerdict.BadSignature);
    }

    [Fact]
    public void Verify_PayloadChangedAfterSigning_IsRefusedAsTampered()
    {
        var token = Token().Sign(_key);
        var parts = token[PassToken.Prefix.Length..].Split('.');
        // Same signature, but the validity extended by a year.
        var longer = Token() with { ValidTo = To.AddYears(1) };
        var tampered = $"{PassToken.Prefix}{Base64Url.EncodeToString(longer.Write())}.{parts[1]}";

        _verifier.Verify(tampered, Checkpoint, During).Verdict.ShouldBe(PassVerdict.BadSignature);
        _verifier.Verify(tampered, Checkpoint, To.AddDays(1)).Allowed.ShouldBeFalse();
    }

    [Fact]
    public void Verify_OneBitFlippedInTheSignature_IsRefused()
    {
        PassToken.TrySplit(Token().Sign(_key), out var payload, out var signature).ShouldBeTrue();
        signature[10] ^= 1;
        var token = $"{PassToken.Prefix}{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(signature)}";

        _verifier.Verify(token, Checkpoint, During).Verdict.ShouldBe(PassVerdict.BadSignature);
    }

    [Fact]
    public void Verify_AtTheLastSecondAndOneSecondLater_IsAllowedThenExpired()
    {
        var token = Token().Sign(_key);

        _verifier.Verify(token, Checkpoint, To).Verdict.ShouldBe(PassVerdict.Allowed);
        _verifier.Verify(token, Checkpoint, To.AddSeconds(1)).Verdict.ShouldBe(PassVerdict.Expired);
    }

    [Fact]
    public void Verify_OneSecondBeforeItStartsAndAtTheStart_IsNotYetValidThenAllowed()
    {
        var token = Token().Sign(_key);

        _verifier.Verify(token, Checkpoint, From.AddSeconds(-1)).Verdict.ShouldBe(PassVerdict.NotYetValid);
        _verifier.Verify(token, Checkpoint, From).Verdict.ShouldBe(PassVerdict.Allowed);
    }

    [Theory]
    [InlineData("220202001001", PassVerdict.WrongRegion)]
    [InlineData("2202", PassVerdict.WrongRegion)]
    [InlineData("220204", PassVerdict.Allowed)]
    [InlineData("220204999", PassVerdict.Allowed)]
    public void Verify_CheckpointInsideOrOutsideThePassRegions_AllowsOnlyInside(string checkpointRegion, PassVerdict expected) =>
        _verifier.Verify(Token().Sign(_key), checkpointRegion, During).Verdict.ShouldBe(expected);

    [Fact]
    public void Verify_RevokedPass_IsRefusedWhileAnotherPassStillPasses()
    {
        using var verifier = VerifierFor([("k1", _key)], [42]);

        verifier.Verify(Token(42).Sign(_key), Checkpoint, During).Verdict.ShouldBe(PassVerdict.Revoked);
        verifier.Verify(Token(43).Sign(_key), Checkpoint, During).Verdict.ShouldBe(PassVerdict.Allowed);
    }

    [Fact]
    public void Verify_UnknownKeyId_IsRefused()
    {
        _verifier.Verify(Token(keyId: "k9").Sign(_key), Checkpoint, During).Verdict.ShouldBe(PassVerdict.UnknownKey);
    }

    [Fact]
    public void Verify_RetiredKeyStillPublished_StillVerifiesItsPasses()
    {
        using var newKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var rotated = VerifierFor([("k1", _key), ("k2", newKey)], []);

        rotated.Verify(Token(keyId: "k1").Sign(_key), Checkpoint, During).Verdict.ShouldBe(PassVerdict.Allowed);
        rotated.Verify(Token(keyId: "k2").Sign(newKey), Checkpoint, During).Verdict.ShouldBe(PassVerdict.Allowed);
        rotated.Verify(Token(keyId: "k2").Sign(_key), Checkpoint, During).Verdict.ShouldBe(PassVerdict.BadSignature);
    }

    [Theory]
    [InlineData("")]
    [InlineData("hello")]
    [InlineData("FKP1.")]
    [InlineData("FKP1.AAAA")]
    [InlineData("FKP1.AAAA.BBBB")]
    [InlineData("FKP1.!!!.BBBB")]
    public void Verify_TextThatIsNotAToken_IsMalformed(string text) =>
        _verifier.Verify(text, Checkpoint, During).Verdict.ShouldBe(PassVerdict.Malformed);

    [Fact]
    public void Verify_TokenWithTrailingBytesInPayload_IsMalformed()
    {
        var payload = Token().Write().Append((byte)0).ToArray();
        var signature = _key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        _verifier.Verify($"{PassToken.Prefix}{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(signature)}", Checkpoint, During)
            .Verdict.ShouldBe(PassVerdict.Malformed);
    }

    public void Dispose()
    {
        _verifier.Dispose();
        _key.Dispose();
    }
}
