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
        private byte[]? _bytes;

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            // Every family the notice asks for is the one CJK face; bold and italic are simulated.
            new(Family, bold, italic);

        public byte[]? GetFont(string faceName)
        {
            if (_bytes is not null)
            {
                return _bytes;
            }

            var path = Path ?? throw new InvalidOperationException(
                "No TrueType CJK font for PDF notices: install fonts-droid-fallback or set FANGKONG_CJK_FONT to a .ttf file.");
            return _bytes = File.ReadAllBytes(path);
        }
    }
}
