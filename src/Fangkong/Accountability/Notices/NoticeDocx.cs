using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Fangkong.Accountability;

/// <summary>
/// The notice as a Word document in 公文 layout (<see cref="GongwenPage"/>): A4 with GB/T 9704's margins,
/// a grid of 22 lines of 28 characters, the title centred in 二号 方正小标宋简体, the body in 三号 仿宋_GB2312
/// with a two-character indent, the issuer and date under it, and "— 1 —" in the footers (odd pages on
/// the right, even on the left). Fonts are named, not embedded: Word and WPS on an office's machine have
/// them; elsewhere the font table's alternative (宋体, 仿宋) stands in. Word breaks lines itself and keeps
/// the 禁则 by its own rules.
/// </summary>
public static class NoticeDocx
{
    public const string TitleFont = "方正小标宋简体";
    public const string BodyFont = "仿宋_GB2312";
    private const string NumberFont = "宋体";

    public static byte[] Render(NoticeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            body.Append(TitleParagraph(document.Title));
            body.Append(Paragraph(string.Empty, BodyFont, GongwenPage.BodySize, null, 0));
            body.Append(Paragraph(document.Opening));
            foreach (var matter in document.Matters)
            {
                body.Append(Paragraph(matter));
            }

            body.Append(Paragraph(document.Closing));
            body.Append(Paragraph(string.Empty, BodyFont, GongwenPage.BodySize, null, 0));
            // The issuer two characters from the right, the date under it (GB/T 9704 7.3.5.2, simplified: both right-aligned).
            body.Append(Paragraph(document.IssuingBody, BodyFont, GongwenPage.BodySize, JustificationValues.Right, 0, rightChars: 400));
            body.Append(Paragraph(document.DateText, BodyFont, GongwenPage.BodySize, JustificationValues.Right, 0, rightChars: 200));

            var odd = Footer(main, JustificationValues.Right);
            var even = Footer(main, JustificationValues.Left);
            body.Append(Section(main.GetIdOfPart(odd), main.GetIdOfPart(even)));
            main.Document = new Document(body);
            main.Document.Save();

            // Odd and even pages have their own footers, as the page numbers alternate sides.
            var settings = main.AddNewPart<DocumentSettingsPart>();
            settings.Settings = new Settings(new EvenAndOddHeaders());
            settings.Settings.Save();
            var fonts = main.AddNewPart<FontTablePart>();
            fonts.Fonts = new Fonts(
                new Font(new AltName { Val = "宋体" }) { Name = TitleFont },
                new Font(new AltName { Val = "仿宋" }) { Name = BodyFont });
            fonts.Fonts.Save();
        }

        return stream.ToArray();
    }

    /// <summary>The section: A4, the margins, the footers 7 mm under the body, the grid of lines and characters.</summary>
    private static SectionProperties Section(string oddFooter, string evenFooter)
    {
        static uint Twips(double mm) => (uint)Math.Round(mm * 1440 / 25.4);
        // Word's character grid: the pitch as 4096ths of a point off the default size (16 pt).
        var charSpace = (int)Math.Round((GongwenPage.CharacterPitch - GongwenPage.BodySize) * 4096);
        return new SectionProperties(
            new FooterReference { Type = HeaderFooterValues.Default, Id = oddFooter },
            new FooterReference { Type = HeaderFooterValues.Even, Id = evenFooter },
            new PageSize { Width = Twips(GongwenPage.WidthMm), Height = Twips(GongwenPage.HeightMm) },
            new PageMargin
            {
                Top = (int)Twips(GongwenPage.TopMm), Bottom = (int)Twips(GongwenPage.BottomMm),
                Left = Twips(GongwenPage.LeftMm), Right = Twips(GongwenPage.RightMm),
                // The footer's bottom edge: the number's line starts 7 mm under the body and is 四号 high.
                Footer = Twips(GongwenPage.BottomMm - GongwenPage.PageNumberGapMm - (GongwenPage.PageNumberSize / GongwenPage.PointsPerMillimetre) - 1),
                Header = Twips(15), Gutter = 0,
            },
            new DocGrid
            {
                Type = DocGridValues.LinesAndChars,
                LinePitch = (int)Math.Round(GongwenPage.LinePitch * 20),
                CharacterSpace = charSpace,
            });
    }

    /// <summary>A footer with "— PAGE —" in 四号 宋体, one character in from its side.</summary>
    private static FooterPart Footer(MainDocumentPart main, JustificationValues side)
    {
        var part = main.AddNewPart<FooterPart>();
        var indentation = side == JustificationValues.Right ? new Indentation { RightChars = 100 } : new Indentation { LeftChars = 100 };
        Run Text(string text) => new(NumberRun(), new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        part.Footer = new Footer(new Paragraph(
            new ParagraphProperties(new Justification { Val = side }, indentation),
            Text("— "),
            new Run(NumberRun(), new FieldChar { FieldCharType = FieldCharValues.Begin }),
            new Run(NumberRun(), new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(NumberRun(), new FieldChar { FieldCharType = FieldCharValues.Separate }),
            Text("1"),
            new Run(NumberRun(), new FieldChar { FieldCharType = FieldCharValues.End }),
            Text(" —")));
        part.Footer.Save();
        return part;
    }

    private static RunProperties NumberRun() => new(
        new RunFonts { Ascii = NumberFont, HighAnsi = NumberFont, EastAsia = NumberFont },
        new FontSize { Val = HalfPoints(GongwenPage.PageNumberSize) });

    private static Paragraph Paragraph(string text) => Paragraph(text, BodyFont, GongwenPage.BodySize, JustificationValues.Both, indentChars: 200);

    private static Paragraph Paragraph(string text, string font, double size, JustificationValues? align, int indentChars, int rightChars = 0)
    {
        var properties = new ParagraphProperties();
        if (align is { } a)
        {
            properties.Append(new Justification { Val = a });
        }

        if (indentChars > 0 || rightChars > 0)
        {
            properties.Append(new Indentation { FirstLineChars = indentChars > 0 ? indentChars : null, RightChars = rightChars > 0 ? rightChars : null });
        }

        // Word reads run properties in schema order: fonts, then size.
        var run = new RunProperties(
            new RunFonts { EastAsia = font, Ascii = "Times New Roman", HighAnsi = "Times New Roman", Hint = FontTypeHintValues.EastAsia },
            new FontSize { Val = HalfPoints(size) },
            new FontSizeComplexScript { Val = HalfPoints(size) });
        return new Paragraph(properties, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    /// <summary>
    /// The title broken where <see cref="LineBreaking.TitleLines"/> breaks it in the PDF (a CJK character
    /// one em, a Latin one half), with line breaks of its own: Word would break it inside a word.
    /// </summary>
    private static Paragraph TitleParagraph(string title)
    {
        var lines = LineBreaking.TitleLines(
            title, t => LineBreaking.Pieces(t).Sum(p => p.Length > 0 && CjkFont.IsCjk(p[0], true) ? GongwenPage.TitleSize : p.Length * GongwenPage.TitleSize / 2),
            GongwenPage.BodyWidth);
        var paragraph = Paragraph(lines[0], TitleFont, GongwenPage.TitleSize, JustificationValues.Center, indentChars: 0);
        var run = paragraph.GetFirstChild<Run>()!;
        foreach (var line in lines.Skip(1))
        {
            run.Append(new Break(), new Text(line) { Space = SpaceProcessingModeValues.Preserve });
        }

        return paragraph;
    }

    private static string HalfPoints(double size) => ((int)Math.Round(size * 2)).ToString(CultureInfo.InvariantCulture);
}
