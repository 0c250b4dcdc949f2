using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Fangkong.Accountability;

/// <summary>
/// The notice as a PDF in 公文 layout (<see cref="GongwenPage"/>, GB/T 9704-2012): A4 with its margins,
/// the title centred in 二号 on lines of even length broken between words, the body on the grid of 22
/// lines of 28 characters in 三号 with a two-character indent, justified, with the 禁则 kept
/// (<see cref="LineBreaking"/>), the issuer and date under it, and "— 1 —" at every foot.
/// PdfSharp embeds only TrueType outlines and Debian's Noto CJK fonts are CFF collections it cannot use;
/// the Chinese text is set in the TrueType CJK font <see cref="CjkFont"/> finds (AR PL UMing, a serif, by
/// default; the title in its simulated bold, the nearest to 小标宋), digits and Latin letters in DejaVu
/// Serif. PDFsharp is taken at 6.2.4, the last MIT-licensed version (6.5 is AGPL-3.0; see docs/decisions/0013).
/// </summary>
public static class NoticePdf
{
    public static byte[] Render(NoticeDocument document, NoticesOptions settings)
    {
        ArgumentNullException.ThrowIfNull(document);
        CjkFont.EnsureResolver(settings);
        var general = CjkFont.HasGeneralPunctuation(CjkFont.PathFor(settings));
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Creator = "Fangkong";
        var body = Faces.Of(GongwenPage.BodySize, XFontStyleEx.Regular, general, GongwenPage.CharacterPitch);
        var title = Faces.Of(GongwenPage.TitleSize, XFontStyleEx.Bold, general, grid: null);
        var number = Faces.Of(GongwenPage.PageNumberSize, XFontStyleEx.Regular, general, grid: null);
        using (var writer = new GongwenWriter(pdf))
        {
            writer.Title(document.Title, title);
            writer.BlankLine();
            writer.Paragraph(document.Opening, body);
            foreach (var matter in document.Matters)
            {
                writer.Paragraph(matter, body);
            }

            writer.Paragraph(document.Closing, body);
            writer.BlankLine();
            writer.Signature(document.IssuingBody, document.DateText, body);
            writer.PageNumbers(number);
        }

        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>
    /// The CJK face and the Latin face of one size: each piece is set in the face that has it. On the
    /// body's grid a CJK character advances one grid step (<paramref name="Grid"/>); elsewhere by its own width.
    /// </summary>
    internal sealed record Faces(XFont Cjk, XFont Latin, bool General, double? Grid)
    {
        private readonly Dictionary<string, double> _widths = [];

        public double Size => Cjk.Size;

        public static Faces Of(double size, XFontStyleEx style, bool general, double? grid)
        {
            var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
            return new Faces(new XFont(CjkFont.Family, size, style, options), new XFont(CjkFont.LatinFamily, size, style, options), general, grid);
        }

        public bool IsCjk(string piece) => piece.Length > 0 && CjkFont.IsCjk(piece[0], General);

        public XFont FaceOf(string piece) => IsCjk(piece) ? Cjk : Latin;

        public double Width(XGraphics graphics, string text)
        {
            if (_widths.TryGetValue(text, out var known))
            {
                return known;
            }

            var width = LineBreaking.Pieces(text).Sum(p => IsCjk(p) && Grid is { } step ? step : graphics.MeasureString(p, FaceOf(p)).Width);
            _widths[text] = width;
            return width;
        }

        /// <summary>The baseline in a line box of <paramref name="height"/> from <paramref name="top"/>: the em box centred.</summary>
        public double Baseline(double top, double height) => top + ((height + Size) / 2) - (0.12 * Size);
    }
}
