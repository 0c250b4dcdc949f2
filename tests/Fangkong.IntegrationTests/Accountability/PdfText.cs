using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Advanced;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace Fangkong.IntegrationTests.Accountability;

/// <summary>
/// Reads the text back out of a PDF the way a viewer's copy-and-paste does: the glyph codes shown
/// by each page's text operators, mapped to characters through each font's ToUnicode table. A
/// name found here is drawn with the embedded font and can be searched in the file.
/// </summary>
public static partial class PdfText
{
    public static string Extract(byte[] pdf)
    {
        using var stream = new MemoryStream(pdf);
        using var document = PdfReader.Open(stream, PdfDocumentOpenMode.Import);
        var text = new StringBuilder();
        foreach (var page in document.Pages)
        {
            var maps = new Dictionary<string, Dictionary<int, string>>(StringComparer.Ordinal);
            var fonts = page.Resources.Elements.GetDictionary("/Font");
            foreach (var name in fonts?.Elements.Keys ?? [])
            {
                var font = fonts!.Elements.GetDictionary(name);
                if (font?.Elements.GetReference("/ToUnicode")?.Value is PdfDictionary { Stream: { } cmap })
                {
                    maps[name] = ParseCMap(Encoding.ASCII.GetString(cmap.UnfilteredValue));
                }
            }

            var current = new Dictionary<int, string>();
            Walk(ContentReader.ReadContent(page), maps, ref current, text);
            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>The text without the page numbers set at the feet ("— 1 —").</summary>
    public static string WithoutPageNumbers(string text) => PageNumber().Replace(text, string.Empty);

    private static void Walk(CSequence sequence, Dictionary<string, Dictionary<int, string>> maps, ref Dictionary<int, string> current, StringBuilder text)
    {
        foreach (var item in sequence)
        {
            if (item is not COperator op)
            {
                continue;
            }

            if (op.OpCode.Name == "Tf" && op.Operands[0] is CName font)
            {
                current = maps.GetValueOrDefault(font.Name) ?? [];
            }
            else if (op.OpCode.Name == "Tj" && op.Operands[0] is CString s)
            {
                Decode(s, current, text);
            }
            else if (op.OpCode.Name == "TJ" && op.Operands[0] is CArray array)
            {
                foreach (var part in array.OfType<CString>())
                {
                    Decode(part, current, text);
                }
            }
        }
    }

    private static void Decode(CString s, Dictionary<int, string> map, StringBuilder text)
    {
        // Unicode-encoded fonts show two-byte glyph codes (Identity-H).
        var bytes = s.Value.Select(c => (byte)c).ToArray();
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            var code = (bytes[i] << 8) | bytes[i + 1];
            text.Append(map.TryGetValue(code, out var chars) ? chars : "\uFFFD");
        }
    }

    private static Dictionary<int, string> ParseCMap(string cmap)
    {
        var map = new Dictionary<int, string>();
        foreach (Match block in BfChar().Matches(cmap))
        {
            foreach (Match pair in Pair().Matches(block.Groups[1].Value))
            {
                map[Hex(pair.Groups[1].Value)] = Utf16(pair.Groups[2].Value);
            }
        }

        foreach (Match block in BfRange().Matches(cmap))
        {
            foreach (Match range in Range().Matches(block.Groups[1].Value))
            {
                var (low, high, start) = (Hex(range.Groups[1].Value), Hex(range.Groups[2].Value), Hex(range.Groups[3].Value));
                for (var code = low; code <= high; code++)
                {
                    map[code] = char.ConvertFromUtf32(start + code - low);
                }
            }
        }

        return map;
    }

    private static int Hex(string hex) => int.Parse(hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    private static string Utf16(string hex)
    {
        var chars = new char[hex.Length / 4];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)Hex(hex.Substring(i * 4, 4));
        }

        return new string(chars);
    }

    [GeneratedRegex(@"—\s*\d+\s*—")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfChar();

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRange();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Pair();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Range();
}
