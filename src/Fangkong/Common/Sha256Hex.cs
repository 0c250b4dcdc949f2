using System.Security.Cryptography;

namespace Fangkong.Common;

/// <summary>
/// The lower-case hex SHA-256 of some bytes: how evidence files are addressed and how a published
/// bulletin's figures are sealed. In Common so that neither capability borrows the other's type for it.
/// </summary>
public static class Sha256Hex
{
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
