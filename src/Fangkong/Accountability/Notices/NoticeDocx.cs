using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Fangkong.Accountability;

/// <summary>The notice as a Word document: centred title, indented paragraphs, issuer and date on the right.</summary>
public static class NoticeDocx
{
    public static byte[] Render(NoticeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var stream = new MemoryStream();
        using (var word = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = word.AddMainDocumentPart();
            var body = new Body();
            body.Append(Paragraph(document.Title, JustificationValues.Center, bold: true, size: 36, indent: false));
            body.Append(Paragraph(document.Opening));
            foreach (var matter in document.Matters)
            {
                body.Append(Paragraph(matter));
            }

            body.Append(Paragraph(document.Closing));
            body.Append(Paragraph(document.IssuingBody, JustificationValues.Right, indent: false));
            body.Append(Paragraph(document.DateText, JustificationValues.Right, indent: false));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static Paragraph Paragraph(string text, JustificationValues? align = null, bool bold = false, int size = 28, bool indent = true)
    {
        var properties = new ParagraphProperties();
        if (align is { } a)
        {
            properties.Append(new Justification { Val = a });
        }

        if (indent)
        {
            // Two characters' first-line indent, as official documents are set.
            properties.Append(new Indentation { FirstLineChars = 200 });
        }

        // Word reads run properties in schema order: fonts, bold, then size.
        var run = new RunProperties(new RunFonts { EastAsia = "仿宋", Ascii = "仿宋", HighAnsi = "仿宋" });
        if (bold)
        {
            run.Append(new Bold());
        }

        run.Append(new FontSize { Val = size.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        return new Paragraph(properties, new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }
}
