using PdfSharp.Fonts;

namespace Fangkong.Accountability;

/// <summary>
/// The TrueType CJK font the PDF notices are set in, served to PdfSharp by a font resolver.
/// The file is <c>FANGKONG_CJK_FONT</c> when set, else the first of the known Debian paths that
/// exists (fonts-droid-fallback, installed by .ci/run). Noto CJK is not among them: its CFF
/// outlines are not supported by PdfSharp.
/// </summary>
public static class CjkFont
{
    public const string Family = "FangkongCJK";

    /// <summary>Digits, Latin letters and Western punctuation (“ ” —), which Droid Sans Fallback lacks.</summary>
    public const string LatinFamily = "FangkongLatin";

    private const string LatinFile = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    private static readonly string[] Candidates =
    [
        "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
        "/usr/share/fonts-droid-fallback/truetype/DroidSansFallback.ttf",
    ];

    private static readonly Lock Gate = new();

    /// <summary>The font file used, or null when none is installed.</summary>
    public static string? Path =>
        Environment.GetEnvironmentVariable("FANGKONG_CJK_FONT") is { Length: > 0 } set && File.Exists(set)
            ? set
            : Candidates.FirstOrDefault(File.Exists);

    /// <summary>True for the characters set in the CJK font: ideographs, CJK and full-width punctuation.</summary>
    public static bool IsCjk(char c) => c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFFEF');

    /// <summary>Installs the resolver once per process (PdfSharp refuses a second one after first use).</summary>
    public static void EnsureResolver()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not Resolver)
            {
                GlobalFontSettings.FontResolver = new Resolver();
            }
        }
    }

    private sealed class Resolver : IFontResolver
    {
        private byte[]? _cjk;
        private byte[]? _latin;

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            // Two faces only; bold and italic are simulated.
            new(familyName == LatinFamily ? LatinFamily : Family, bold, italic);

        public byte[]? GetFont(string faceName)
        {
            if (faceName == LatinFamily)
            {
                return _latin ??= File.Exists(LatinFile)
                    ? File.ReadAllBytes(LatinFile)
                    : throw new InvalidOperationException($"No Latin font for PDF notices: install fonts-dejavu-core ({LatinFile}).");
            }

            var path = Path ?? throw new InvalidOperationException(
                "No TrueType CJK font for PDF notices: install fonts-droid-fallback or set FANGKONG_CJK_FONT to a .ttf file.");
            return _cjk ??= File.ReadAllBytes(path);
        }
    }
}
