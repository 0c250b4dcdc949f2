using PdfSharp.Fonts;

namespace Fangkong.Accountability;

/// <summary>
/// The TrueType CJK font the PDF notices are set in, served to PdfSharp by a font resolver.
/// The file is the setting <c>Notices:CjkFont</c> (<see cref="NoticesOptions"/>) when set, else the
/// first of the known Debian paths that exists (fonts-droid-fallback, installed by .ci/run). Noto CJK is not among them: its CFF
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

    /// <summary>The font file used with <paramref name="options"/>, or null when none is installed.</summary>
    public static string? PathFor(NoticesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.CjkFont is { Length: > 0 } set
            ? File.Exists(set) ? set : null
            : Candidates.FirstOrDefault(File.Exists);
    }

    /// <summary>True for the characters set in the CJK font: ideographs, CJK and full-width punctuation.</summary>
    public static bool IsCjk(char c) => c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFFEF');

    /// <summary>
    /// Installs the resolver once per process (PdfSharp refuses a second one after first use) and points
    /// it at the font of <paramref name="options"/>; the process has one set of settings, so one font.
    /// </summary>
    public static void EnsureResolver(NoticesOptions options)
    {
        var path = PathFor(options);
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not Resolver resolver)
            {
                GlobalFontSettings.FontResolver = resolver = new Resolver();
            }

            resolver.CjkPath = path;
        }
    }

    private sealed class Resolver : IFontResolver
    {
        private (string Path, byte[] Bytes)? _cjk;
        private byte[]? _latin;

        public string? CjkPath { get; set; }

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

            var path = CjkPath ?? throw new InvalidOperationException(
                "No TrueType CJK font for PDF notices: install fonts-droid-fallback or set Notices:CjkFont (FANGKONG_CJK_FONT) to a .ttf file.");
            if (_cjk?.Path != path)
            {
                _cjk = (path, File.ReadAllBytes(path));
            }

            return _cjk.Value.Bytes;
        }
    }
}
