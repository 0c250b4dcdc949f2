using System.Numerics;

namespace Fangkong.Passes;

/// <summary>
/// The one accepted form of an ECDSA P-256 signature: 64 bytes r ‖ s (IEEE P1363) with s in the
/// lower half of the group order. ECDSA accepts (r, n − s) as well as (r, s), so without this rule
/// anyone could turn a pass's token into a second, different token that verifies.
/// </summary>
public static class PassSignature
{
    public const int Length = 64;

    // The order n of the P-256 group, and n / 2.
    private static readonly BigInteger Order = new(Convert.FromHexString("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551"), isUnsigned: true, isBigEndian: true);
    private static readonly BigInteger HalfOrder = Order >> 1;

    /// <summary>True when the signature's s is at most n / 2.</summary>
    public static bool IsLowS(ReadOnlySpan<byte> signature) =>
        signature.Length == Length && S(signature) <= HalfOrder;

    /// <summary>The low-S form of a signature: s replaced by n − s when s is above n / 2.</summary>
    public static byte[] ToLowS(ReadOnlySpan<byte> signature)
    {
        if (signature.Length != Length)
        {
            throw new ArgumentException($"A P-256 signature has {Length} bytes.", nameof(signature));
        }

        var result = signature.ToArray();
        var s = S(signature);
        if (s > HalfOrder)
        {
            var low = (Order - s).ToByteArray(isUnsigned: true, isBigEndian: true);
            Array.Clear(result, Length / 2, Length / 2);
            low.CopyTo(result, Length - low.Length);
        }

        return result;
    }

    private static BigInteger S(ReadOnlySpan<byte> signature) => new(signature[(Length / 2)..], isUnsigned: true, isBigEndian: true);
}
