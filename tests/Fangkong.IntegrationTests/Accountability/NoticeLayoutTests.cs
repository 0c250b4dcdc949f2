using System.Diagnostics;
using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Fangkong.Accountability;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Fangkong.IntegrationTests.Accountability;

/// <summary>
/// The PDF and DOCX of seed 000's notice in 公文 layout (GB/T 9704), read back: page size, margins
/// (from the ink of the pages rendered by pdftoppm, whose PNGs are kept in notice-pages/ to be looked
/// at), fonts embedded, page numbers on the alternating sides; and in the DOCX the page set-up, the
/// grid, the fonts and the footers.
/// </summary>
public sealed class NoticeLayoutTests
{
    private static NoticeDocument Seed() => new(
        "关于疫情防控工作中11名党员干部及公职人员履职不力等典型问题的通报", "吉林市纪委监委", new DateOnly(2022, 4, 9),
        SeedNotice000.Opening, [.. SeedNotice000.Matters.Select((m, i) => NoticeWriter.Numeral(i + 1) + "、" + m.Seed)], SeedNotice000.Closing);

    [Fact]
    public void Pdf_IsA4WithGongwenMarginsSerifFontsEmbeddedAndPageNumbersAtTheFoot()
    {
        var pdf = NoticePdf.Render(Seed(), new NoticesOptions());
        var folder = Path.Combine(AppContext.BaseDirectory, "notice-pages");
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, "notice.pdf"), pdf);

        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        document.PageCount.ShouldBeGreaterThan(1);
        foreach (var page in document.Pages)
        {
            page.Width.Point.ShouldBe(595.3, 0.1);
            page.Height.Point.ShouldBe(841.9, 0.1);
            foreach (var name in page.Resources.Elements.GetDictionary("/Font")!.Elements.Keys)
            {
                var font = page.Resources.Elements.GetDictionary("/Font")!.Elements.GetDictionary(name)!;
                var descendant = (font.Elements.GetArray("/DescendantFonts")!.Elements[0] as PdfSharp.Pdf.Advanced.PdfReference)!.Value as PdfDictionary;
                var descriptor = descendant!.Elements.GetDictionary("/FontDescriptor")!;
                descriptor.Elements.ContainsKey("/FontFile2").ShouldBeTrue($"{font.Elements.GetName("/BaseFont")} is embedded");
            }
        }

        var baseFonts = document.Pages[0].Resources.Elements.GetDictionary("/Font")!.Elements.Values
            .Select(v => ((v as PdfSharp.Pdf.Advanced.PdfReference)!.Value as PdfDictionary)!.Elements.GetName("/BaseFont")).ToList();
        baseFonts.ShouldContain(f => f.Contains("UMing", StringComparison.Ordinal), string.Join(", ", baseFonts));
        baseFonts.ShouldContain(f => f.Contains("DejaVu Serif", StringComparison.Ordinal), string.Join(", ", baseFonts));

        // Each page carries its number at the foot, "— n —".
        var pages = PdfText.Extract(pdf).Split('\n');
        for (var i = 0; i < document.PageCount; i++)
        {
            pages[i].ShouldEndWith(GongwenPage.PageNumber(i + 1));
        }

        // Rendered at 72 dpi a pixel is a point: the ink keeps to the body, the number sits under it.
        var rendered = Render(pdf, folder);
        rendered.Count.ShouldBe(document.PageCount);
        for (var i = 0; i < rendered.Count; i++)
        {
            var ink = rendered[i];
            var bodyBottom = GongwenPage.Top + GongwenPage.BodyHeight;
            var body = ink.Box(0, 0, ink.Width, (int)bodyBottom + 1);
            body.Left.ShouldBeGreaterThanOrEqualTo(GongwenPage.Left - 1, $"page {i + 1}: left margin 28 mm");
            body.Right.ShouldBeLessThanOrEqualTo(GongwenPage.Left + GongwenPage.BodyWidth + 1, $"page {i + 1}: right margin 26 mm");
            body.Top.ShouldBeGreaterThanOrEqualTo(GongwenPage.Top - 1, $"page {i + 1}: top margin 37 mm");
            var foot = ink.Box(0, (int)bodyBottom + 2, ink.Width, ink.Height);
            foot.Top.ShouldBeGreaterThanOrEqualTo(GongwenPage.PageNumberTop - 1, $"page {i + 1}: the number 7 mm under the body");
            foot.Bottom.ShouldBeLessThanOrEqualTo(GongwenPage.Height - 20 * GongwenPage.PointsPerMillimetre, $"page {i + 1}");
            var middle = GongwenPage.Width / 2;
            (i % 2 == 0 ? foot.Left > middle : foot.Right < middle).ShouldBeTrue($"page {i + 1}: odd numbers on the right, even on the left");
        }

        // The first page is full: 22 lines, justified to the right margin.
        var first = rendered[0].Box(0, 0, rendered[0].Width, (int)(GongwenPage.Top + GongwenPage.BodyHeight) + 1);
        first.Right.ShouldBeGreaterThan(GongwenPage.Left + GongwenPage.BodyWidth - 4);
        first.Bottom.ShouldBeGreaterThan(GongwenPage.Top + GongwenPage.BodyHeight - GongwenPage.LinePitch);
    }

    [Fact]
    public void Docx_HasTheGongwenPageGridFontsAndAlternatingPageNumbers()
    {
        var docx = NoticeDocx.Render(Seed());
        using var word = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = word.MainDocumentPart!;
        var section = main.Document.Body!.Elements<SectionProperties>().Single();
        var size = section.GetFirstChild<PageSize>()!;
        ((int)size.Width!.Value, (int)size.Height!.Value).ShouldBe((11906, 16838));
        var margin = section.GetFirstChild<PageMargin>()!;
        (margin.Top!.Value, margin.Bottom!.Value, (int)margin.Left!.Value, (int)margin.Right!.Value).ShouldBe((2098, 1984, 1587, 1474));
        var grid = section.GetFirstChild<DocGrid>()!;
        grid.Type!.Value.ShouldBe(DocGridValues.LinesAndChars);
        // 22 lines in 225 mm: 579.8 twips a line.
        grid.LinePitch!.Value.ShouldBe(580);

        var paragraphs = main.Document.Body!.Elements<Paragraph>().ToList();
        var title = paragraphs[0];
        title.Descendants<RunFonts>().First().EastAsia!.Value.ShouldBe(NoticeDocx.TitleFont);
        title.Descendants<FontSize>().First().Val!.Value.ShouldBe("44");
        // Broken between words, as the PDF is: "……党员干部" / "及公职人员……".
        title.Descendants<Text>().Select(t => t.Text).ShouldBe(["关于疫情防控工作中11名党员干部", "及公职人员履职不力等典型问题的通报"]);
        var matter = paragraphs.First(p => p.InnerText.StartsWith("一、", StringComparison.Ordinal));
        matter.Descendants<RunFonts>().First().EastAsia!.Value.ShouldBe(NoticeDocx.BodyFont);
        matter.Descendants<FontSize>().First().Val!.Value.ShouldBe("32");
        matter.ParagraphProperties!.Indentation!.FirstLineChars!.Value.ShouldBe(200);

        main.DocumentSettingsPart!.Settings.GetFirstChild<EvenAndOddHeaders>().ShouldNotBeNull();
        var footers = section.Elements<FooterReference>().ToDictionary(r => r.Type!.Value, r => (FooterPart)main.GetPartById(r.Id!));
        foreach (var (type, side) in new[] { (HeaderFooterValues.Default, JustificationValues.Right), (HeaderFooterValues.Even, JustificationValues.Left) })
        {
            var footer = footers[type].Footer;
            footer.Descendants<FieldCode>().Single().Text.Trim().ShouldBe("PAGE");
            footer.InnerText.ShouldStartWith("— ");
            footer.InnerText.ShouldEndWith(" —");
            footer.Descendants<Justification>().Single().Val!.Value.ShouldBe(side);
        }
    }

    /// <summary>The PDF's pages rendered by pdftoppm: PNGs kept to look at, greyscale maps read for the ink.</summary>
    private static List<Ink> Render(byte[] pdf, string folder)
    {
        var file = Path.Combine(folder, "notice.pdf");
        Run("pdftoppm", $"-r 100 -png \"{file}\" \"{Path.Combine(folder, "page")}\"");
        Run("pdftoppm", $"-r 72 -gray \"{file}\" \"{Path.Combine(folder, "ink")}\"");
        return [.. Directory.GetFiles(folder, "ink-*.pgm").Order(StringComparer.Ordinal).Select(f => Ink.Read(File.ReadAllBytes(f)))];
    }

    private static void Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardError = true })
            ?? throw new InvalidOperationException($"{tool} did not start: install poppler-utils (.ci/run does).");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        process.ExitCode.ShouldBe(0, error);
    }

    /// <summary>A greyscale page (binary PGM), and the box of its dark pixels within a band.</summary>
    private sealed record Ink(int Width, int Height, byte[] Pixels)
    {
        public static Ink Read(byte[] pgm)
        {
            // "P5\n<w> <h>\n255\n" then one byte a pixel.
            var fields = new List<string>();
            var at = 0;
            while (fields.Count < 4)
            {
                while (char.IsWhiteSpace((char)pgm[at]))
                {
                    at++;
                }

                var start = at;
                while (!char.IsWhiteSpace((char)pgm[at]))
                {
                    at++;
                }

                fields.Add(Encoding.ASCII.GetString(pgm, start, at - start));
            }

            fields[0].ShouldBe("P5");
            var width = int.Parse(fields[1], CultureInfo.InvariantCulture);
            var height = int.Parse(fields[2], CultureInfo.InvariantCulture);
            return new Ink(width, height, pgm[(at + 1)..]);
        }

        public (double Left, double Top, double Right, double Bottom) Box(int x0, int y0, int x1, int y1)
        {
            var (left, top, right, bottom) = (double.MaxValue, double.MaxValue, double.MinValue, double.MinValue);
            for (var y = Math.Max(0, y0); y < Math.Min(Height, y1); y++)
            {
                for (var x = Math.Max(0, x0); x < Math.Min(Width, x1); x++)
                {
                    if (Pixels[(y * Width) + x] < 128)
                    {
                        (left, top, right, bottom) = (Math.Min(left, x), Math.Min(top, y), Math.Max(right, x + 1), Math.Max(bottom, y + 1));
                    }
                }
            }

            return (left, top, right, bottom);
        }
    }
}
