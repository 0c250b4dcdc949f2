using System.Buffers.Binary;
using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Fangkong.Passes;

/// <summary>
/// What a pass's QR code carries: <c>FKP1.</c> + base64url(payload) + <c>.</c> +
/// base64url(signature). The payload is a small binary record (see <see cref="Write"/>); the
/// signature is ECDSA P-256 over the payload bytes with SHA-256, in the fixed 64-byte IEEE P1363
/// form. The key id inside the payload names the public key that verifies it, so keys can rotate.
/// </summary>
public sealed record PassToken(
    string KeyId, long PassId, PassKind Kind, DateTimeOffset ValidFrom, DateTimeOffset ValidTo,
    IReadOnlyList<string> Regions, string Plate, string Holder)
{
    public const string Prefix = "FKP1.";
    private const byte Version = 1;

    /// <summary>Signs the payload with the private key and returns the token text.</summary>
    public string Sign(ECDsa key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var payload = Write();
        var signature = PassSignature.ToLowS(key.SignData(payload, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation));
        return $"{Prefix}{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>
    /// Splits a token into its payload and signature bytes, or false when it is not one. Only the
    /// canonical text is a token: unpadded base64url that encodes back to the same characters, so
    /// padding, whitespace or non-zero spare bits cannot make a second text of the same pass.
    /// </summary>
    public static bool TrySplit(string? token, [NotNullWhen(true)] out byte[]? payload, [NotNullWhen(true)] out byte[]? signature)
    {
        payload = null;
        signature = null;
        var text = token?.Trim();
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length > Pass.TokenMaxLength)
        {
            return false;
        }

        var dot = text.IndexOf('.', Prefix.Length);
        if (dot < 0 || text.IndexOf('.', dot + 1) >= 0)
        {
            return false;
        }

        payload = Canonical(text.AsSpan(Prefix.Length, dot - Prefix.Length));
        signature = Canonical(text.AsSpan(dot + 1));
        if (payload is { Length: > 0 } && signature is { Length: > 0 })
        {
            return true;
        }

        payload = null;
        signature = null;
        return false;
    }

    /// <summary>The bytes of canonical base64url text, or null when the text is not exactly what encoding them gives.</summary>
    private static byte[]? Canonical(ReadOnlySpan<char> text)
    {
        try
        {
            var bytes = Base64Url.DecodeFromChars(text);
            return Base64Url.EncodeToString(bytes).AsSpan().SequenceEqual(text) ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    /// <summary>Reads a payload, or null when its bytes are not a version-1 payload.</summary>
    public static PassToken? Read(ReadOnlySpan<byte> payload)
    {
        try
        {
            var reader = new Reader(payload);
            if (reader.Byte() != Version)
            {
                return null;
            }

            var keyId = reader.Text();
            var id = reader.Int64();
            var kind = (PassKind)reader.Byte();
            var from = DateTimeOffset.FromUnixTimeSeconds(reader.Int64());
            var to = DateTimeOffset.FromUnixTimeSeconds(reader.Int64());
            var count = reader.Byte();
            var regions = new string[count];
            for (var i = 0; i < count; i++)
            {
                regions[i] = reader.Text();
            }

            var plate = reader.Text();
            var holder = reader.Text();
            return reader.AtEnd && Enum.IsDefined(kind) ? new PassToken(keyId, id, kind, from, to, regions, plate, holder) : null;
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>version, key id, pass id, kind, from, to (Unix seconds), regions, plate, masked holder; texts are UTF-8 with a length byte.</summary>
    public byte[] Write()
    {
        using var stream = new MemoryStream(96);
        stream.WriteByte(Version);
        WriteText(stream, KeyId);
        WriteInt64(stream, PassId);
        stream.WriteByte((byte)Kind);
        WriteInt64(stream, ValidFrom.ToUnixTimeSeconds());
        WriteInt64(stream, ValidTo.ToUnixTimeSeconds());
        stream.WriteByte(checked((byte)Regions.Count));
        foreach (var region in Regions)
        {
            WriteText(stream, region);
        }

        WriteText(stream, Plate);
        WriteText(stream, Holder);
        return stream.ToArray();
    }

    private static void WriteInt64(MemoryStream stream, long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(bytes, value);
        stream.Write(bytes);
    }

    private static void WriteText(MemoryStream stream, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        stream.WriteByte(checked((byte)bytes.Length));
        stream.Write(bytes);
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly bool AtEnd => _at == _bytes.Length;

        public byte Byte()
        {
            Need(1);
            return _bytes[_at++];
        }

        public long Int64()
        {
            Need(8);
            var value = BinaryPrimitives.ReadInt64BigEndian(_bytes.Slice(_at, 8));
            _at += 8;
            return value;
        }

        public string Text()
        {
            var length = Byte();
            Need(length);
            var text = Encoding.UTF8.GetString(_bytes.Slice(_at, length));
            _at += length;
            return text;
        }

        private readonly void Need(int count)
        {
            if (_at + count > _bytes.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(count), "The payload ends early.");
            }
        }
    }
}
