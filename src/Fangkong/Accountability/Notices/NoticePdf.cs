using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Fangkong.Accountability;

/// <summary>
/// The notice as an A4 PDF. PdfSharp embeds only TrueType outlines, and Debian's Noto CJK fonts
/// are CFF (OpenType) collections it cannot use; so the Chinese text is set in a TrueType CJK
/// font, found by <see cref="CjkFont"/> (Debian's fonts-droid-fallback by default), and digits,
/// Latin letters and Western punctuation, which that font lacks, in DejaVu Sans. PdfSharp
/// breaks lines only at spaces, and Chinese has none: lines are broken here, character by character.
/// PDFsharp is taken at 6.2.4, the last MIT-licensed version (6.5 is AGPL-3.0; see docs/decisions/0013).
/// </summary>
public static class NoticePdf
{
    private const double Margin = 72;
    private const double BodySize = 12;
    private const double TitleSize = 18;

    public static byte[] Render(NoticeDocument document, NoticesOptions settings)
    {
        ArgumentNullException.ThrowIfNull(document);
        CjkFont.EnsureResolver(settings);
        using var pdf = new PdfDocument();
        pdf.Info.Title = document.Title;
        pdf.Info.Creator = "Fangkong";
        var options = new XPdfFontOptions(PdfFontEncoding.Unicode);
        var body = new Fonts(
            new XFont(CjkFont.Family, BodySize, XFontStyleEx.Regular, options), new XFont(CjkFont.LatinFamily, BodySize, XFontStyleEx.Regular, options));
        var title = new Fonts(
            new XFont(CjkFont.Family, TitleSize, XFontStyleEx.Regular, options), new XFont(CjkFont.LatinFamily, TitleSize, XFontStyleEx.Regular, options));
        var writer = new PageWriter(pdf);
        writer.Paragraph(document.Title, title, Align.Centre, indent: false);
        writer.Space(BodySize);
        writer.Paragraph(document.Opening, body, Align.Left, indent: true);
        foreach (var matter in document.Matters)
        {
            writer.Paragraph(matter, body, Align.Left, indent: true);
        }

        writer.Paragraph(document.Closing, body, Align.Left, indent: true);
        writer.Space(BodySize);
        writer.Paragraph(document.IssuingBody, body, Align.Right, indent: false);
        writer.Paragraph(document.DateText, body, Align.Right, indent: false);
        writer.Dispose();
        using var stream = new MemoryStream();
        pdf.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>The CJK face and the Latin face of one size: each character is set in the face that has it.</summary>
    private sealed record Fonts(XFont Cjk, XFont Latin)
    {
        public double Size => Cjk.Size;

        public IEnumerable<(string Text, XFont Font)> Runs(string text)
        {
            var start = 0;
            for (var i = 1; i <= text.Length; i++)
            {
                if (i == text.Length || CjkFont.IsCjk(text[i]) != CjkFont.IsCjk(text[start]))
                {
                    yield return (text[start..i], CjkFont.IsCjk(text[start]) ? Cjk : Latin);
                    start = i;
                }
            }
        }

        public double Width(XGraphics graphics, string text) => Runs(text).Sum(r => graphics.MeasureString(r.Text, r.Font).Width);
    }

    private enum Align
    {
        Left,
        Centre,
        Right,
    }

    /// <summary>Sets paragraphs down the pages, opening a new page when one is full.</summary>
    private sealed class PageWriter(PdfDocument pdf) : IDisposable
    {
        // A line may not start with closing punctuation: it stays at the end of the line before.
        private const string NoLineStart = "，。、；：？！）」』》”’,.;:?!)";

        private PdfPage? _page;
        private XGraphics? _graphics;
        private double _y;

        public void Space(double height) => _y += height;

        public void Paragraph(string text, Fonts font, Align align, bool indent)
        {
            var lineHeight = font.Size * 1.8;
            var graphics = Graphics();
            var width = _page!.Width.Point - (2 * Margin);
            var indentWidth = indent ? font.Width(graphics, "汉汉") : 0;
            var lines = Lines(graphics, text, font, width, indentWidth);
            for (var i = 0; i < lines.Count; i++)
            {
                if (_y + lineHeight > _page.Height.Point - Margin)
                {
                    NewPage();
                    graphics = _graphics!;
                }

                var line = lines[i];
                var lineWidth = font.Width(graphics, line);
                var x = align switch
                {
                    Align.Centre => Margin + ((width - lineWidth) / 2),
                    Align.Right => Margin + width - lineWidth,
                    _ => Margin + (i == 0 ? indentWidth : 0),
                };
                foreach (var (run, face) in font.Runs(line))
                {
                    graphics.DrawString(run, face, XBrushes.Black, new XPoint(x, _y), XStringFormats.TopLeft);
                    x += graphics.MeasureString(run, face).Width;
                }

                _y += lineHeight;
            }
        }

        public void Dispose() => _graphics?.Dispose();

        private static List<string> Lines(XGraphics graphics, string text, Fonts font, double width, double firstIndent)
        {
            var lines = new List<string>();
            var current = new System.Text.StringBuilder();
            var available = width - firstIndent;
            foreach (var c in text)
            {
                var candidate = current.ToString() + c;
                if (current.Length > 0 && font.Width(graphics, candidate) > available && !NoLineStart.Contains(c, StringComparison.Ordinal))
                {
                    lines.Add(current.ToString());
                    current.Clear();
                    available = width;
                }

                current.Append(c);
            }

            if (current.Length > 0 || lines.Count == 0)
            {
                lines.Add(current.ToString());
            }

            return lines;
        }

        private XGraphics Graphics()
        {
            if (_graphics is null)
            {
                NewPage();
            }

            return _graphics!;
        }

        private void NewPage()
        {
            _graphics?.Dispose();
            _page = pdf.AddPage();
            _page.Size = PdfSharp.PageSize.A4;
            _graphics = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }
    }
}
