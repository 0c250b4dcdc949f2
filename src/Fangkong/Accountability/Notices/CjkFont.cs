using PdfSharp.Fonts;

namespace Fangkong.Accountability;

/// <summary>
/// The TrueType CJK font the PDF notices are set in, served to PdfSharp by a font resolver.
/// The file is the setting <c>Notices:CjkFont</c> (<see cref="NoticesOptions"/>) when set, else the
/// first of the known Debian paths that exists: AR PL UMing (fonts-arphic-uming, a 明体 serif, the
/// nearest to 仿宋 and 小标宋 that Debian has in TrueType outlines), then Droid Sans Fallback. Noto
/// CJK is not among them: its CFF outlines are not supported by PdfSharp. A collection (.ttc) is read
/// at its first face, which for uming.ttc is "AR PL UMing CN", the mainland glyph forms.
/// </summary>
public static class CjkFont
{
    public const string Family = "FangkongCJK";

    /// <summary>Digits and Latin letters: 公文 sets them half-width in a Western face.</summary>
    public const string LatinFamily = "FangkongLatin";

    private const string SerifFile = "/usr/share/fonts/truetype/arphic/uming.ttc";

    private static readonly string[] LatinFiles =
    [
        "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    ];

    private static readonly string[] Candidates =
    [
        SerifFile,
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

    /// <summary>
    /// True for the characters set in the CJK font: ideographs, CJK and full-width punctuation, and —
    /// when the font has them, as UMing does — the general punctuation Chinese text uses (“ ” ‘ ’ — …),
    /// which Droid Sans Fallback lacks.
    /// </summary>
    public static bool IsCjk(char c, bool withGeneralPunctuation) =>
        c is (>= '\u2E80' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF') or (>= '\uFE30' and <= '\uFE4F') or (>= '\uFF00' and <= '\uFFEF')
        || (withGeneralPunctuation && c is (>= '\u2010' and <= '\u2027'));

    /// <summary>Whether the font at <paramref name="path"/> carries the general punctuation (the Arphic fonts do).</summary>
    public static bool HasGeneralPunctuation(string? path) =>
        path is not null && path.Contains("arphic", StringComparison.OrdinalIgnoreCase);

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
            // Two faces only; bold (the title) is simulated.
            new(familyName == LatinFamily ? LatinFamily : Family, bold, italic);

        public byte[]? GetFont(string faceName)
        {
            if (faceName == LatinFamily)
            {
                return _latin ??= LatinFiles.FirstOrDefault(File.Exists) is { } latin
                    ? File.ReadAllBytes(latin)
                    : throw new InvalidOperationException($"No Latin font for PDF notices: install fonts-dejavu-core ({LatinFiles[0]}).");
            }

            var path = CjkPath ?? throw new InvalidOperationException(
                "No TrueType CJK font for PDF notices: install fonts-arphic-uming or set Notices:CjkFont (FANGKONG_CJK_FONT) to a .ttf file.");
            if (_cjk?.Path != path)
            {
                // A collection is read at its first face (TrueTypeCollection).
                _cjk = (path, TrueTypeCollection.Face(File.ReadAllBytes(path), 0));
            }

            return _cjk.Value.Bytes;
        }
    }
}
