using System.Buffers.Text;
using System.Numerics;
using System.Security.Cryptography;
using Fangkong.Passes;

namespace Fangkong.UnitTests.Passes;

/// <summary>One token per pass: low-S signatures, and only base64url text that encodes back to itself.</summary>
public sealed class PassSignatureTests : IDisposable
{
    private static readonly DateTimeOffset From = new(2022, 4, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly BigInteger Order = new(Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551"), isUnsigned: true, isBigEndian: true);

    private readonly ECDsa _key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

    private static PassToken Token(long id) => new("k1", id, PassKind.SupplyTransport, From, From.AddDays(7), ["220204"], "吉B12345", "张*");

    private PassVerifier Verifier(bool lowS) => new([new PublicKeyInfo("k1", _key.ExportSubjectPublicKeyInfo(), From, null, lowS)], []);

    [Fact]
    public void Sign_ManyPasses_AlwaysGivesTheLowSForm()
    {
        for (var id = 1; id <= 40; id++)
        {
            PassToken.TrySplit(Token(id).Sign(_key), out _, out var signature).ShouldBeTrue();
            PassSignature.IsLowS(signature).ShouldBeTrue($"pass {id}");
        }
    }

    [Fact]
    public void Verify_HighSTwin_IsRefusedForALowSKey_AndAcceptedForAKeyFromBefore()
    {
        var token = Token(42).Sign(_key);
        var twin = WithSignature(token, HighS);
        using var strict = Verifier(lowS: true);
        using var legacy = Verifier(lowS: false);

        strict.Verify(token, "220204003", From.AddDays(1)).Verdict.ShouldBe(PassVerdict.Allowed);
        strict.Verify(twin, "220204003", From.AddDays(1)).Verdict.ShouldBe(PassVerdict.BadSignature);
        legacy.Verify(twin, "220204003", From.AddDays(1)).Verdict.ShouldBe(PassVerdict.Allowed);
    }

    [Fact]
    public void TrySplit_PaddedSignature_IsNotAToken_ThoughItDecodesToTheSameBytes()
    {
        var token = Token(42).Sign(_key);
        var dot = token.LastIndexOf('.') + 1;
        Base64Url.DecodeFromChars((token + "==").AsSpan(dot)).ShouldBe(Base64Url.DecodeFromChars(token.AsSpan(dot)));

        PassToken.TrySplit(token + "==", out _, out _).ShouldBeFalse();
    }

    [Fact]
    public void TrySplit_WhiteSpaceInsideTheText_IsNotAToken_ButAroundItIsTrimmed()
    {
        var token = Token(42).Sign(_key);
        var dot = token.LastIndexOf('.') + 1;

        PassToken.TrySplit(token[..(dot + 10)] + " " + token[(dot + 10)..], out _, out _).ShouldBeFalse();
        PassToken.TrySplit(token[..(dot + 10)] + "\r\n" + token[(dot + 10)..], out _, out _).ShouldBeFalse();
        PassToken.TrySplit(token[..12] + "\t" + token[12..], out _, out _).ShouldBeFalse();
        PassToken.TrySplit($"  {token}\n", out _, out _).ShouldBeTrue();
    }

    [Fact]
    public void ToLowS_HighSignature_TakesTheLowerTwin_AndKeepsALowOne()
    {
        PassToken.TrySplit(Token(42).Sign(_key), out _, out var low).ShouldBeTrue();
        var high = HighS(low);

        PassSignature.IsLowS(high).ShouldBeFalse();
        PassSignature.ToLowS(high).ShouldBe(low);
        PassSignature.ToLowS(low).ShouldBe(low);
    }

    public void Dispose() => _key.Dispose();

    private static byte[] HighS(byte[] signature)
    {
        var result = signature.ToArray();
        var twin = (Order - new BigInteger(signature.AsSpan(32), isUnsigned: true, isBigEndian: true)).ToByteArray(isUnsigned: true, isBigEndian: true);
        Array.Clear(result, 32, 32);
        twin.CopyTo(result, 64 - twin.Length);
        return result;
    }

    private static string WithSignature(string token, Func<byte[], byte[]> change)
    {
        PassToken.TrySplit(token, out var payload, out var signature).ShouldBeTrue();
        return $"{PassToken.Prefix}{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(change(signature))}";
    }
}
