using System.Buffers.Binary;

namespace Fangkong.Accountability;

/// <summary>
/// One face of a TrueType collection (.ttc) as a font file of its own: PdfSharp 6.2.4 reads single
/// fonts only, and Debian's serif CJK TrueType font (AR PL UMing) ships as a collection. A collection's
/// faces share one file whose table offsets count from its start; the face's tables are copied out
/// behind a new table directory with the offsets made its own. A file that is not a collection is
/// returned as it is.
/// </summary>
internal static class TrueTypeCollection
{
    private const uint CollectionTag = 0x74746366; // "ttcf"

    public static byte[] Face(byte[] file, int index)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Length < 12 || BinaryPrimitives.ReadUInt32BigEndian(file) != CollectionTag)
        {
            return file;
        }

        var faces = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(8));
        if (index < 0 || index >= faces)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The collection has {faces} faces.");
        }

        var start = (int)BinaryPrimitives.ReadUInt32BigEndian(file.AsSpan(12 + (4 * index)));
        var tables = BinaryPrimitives.ReadUInt16BigEndian(file.AsSpan(start + 4));
        var header = 12 + (16 * tables);
        var records = Enumerable.Range(0, tables).Select(i =>
        {
            var record = file.AsSpan(start + 12 + (16 * i));
            return (Tag: BinaryPrimitives.ReadUInt32BigEndian(record), Checksum: BinaryPrimitives.ReadUInt32BigEndian(record[4..]),
                Offset: (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), Length: (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }).ToList();

        // Each table starts on a four-byte boundary, as the format asks.
        var size = header + records.Sum(r => (r.Length + 3) & ~3);
        var font = new byte[size];
        file.AsSpan(start, 12).CopyTo(font);
        var at = header;
        for (var i = 0; i < records.Count; i++)
        {
            var (tag, checksum, offset, length) = records[i];
            var record = font.AsSpan(12 + (16 * i));
            BinaryPrimitives.WriteUInt32BigEndian(record, tag);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], checksum);
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)at);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)length);
            file.AsSpan(offset, length).CopyTo(font.AsSpan(at));
            at += (length + 3) & ~3;
        }

        return font;
    }
}
