using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Fangkong.Accountability;

/// <summary>Sets a notice down the pages of <see cref="GongwenPage"/>, line by line on the grid, opening a page when one is full.</summary>
internal sealed class GongwenWriter(PdfDocument pdf) : IDisposable
{
    private PdfPage? _page;
    private XGraphics? _graphics;
    private int _line = GongwenPage.LinesPerPage;

    public void BlankLine()
    {
        if (_line < GongwenPage.LinesPerPage)
        {
            _line++;
        }
    }

    /// <summary>The title centred, broken only between words into lines as even as can be.</summary>
    public void Title(string title, NoticePdf.Faces faces)
    {
        var graphics = Graphics();
        foreach (var line in LineBreaking.TitleLines(title, t => faces.Width(graphics, t), GongwenPage.BodyWidth))
        {
            var pieces = LineBreaking.Pieces(line);
            var width = faces.Width(graphics, line);
            Draw(pieces, faces, GongwenPage.Left + ((GongwenPage.BodyWidth - width) / 2), 0);
        }
    }

    /// <summary>A paragraph: two characters' indent, justified lines, the last one left as it ends.</summary>
    public void Paragraph(string text, NoticePdf.Faces faces)
    {
        var graphics = Graphics();
        var indent = 2 * GongwenPage.CharacterPitch;
        var lines = LineBreaking.Lines(text, p => faces.Width(graphics, p), GongwenPage.BodyWidth, indent);
        for (var i = 0; i < lines.Count; i++)
        {
            var start = i == 0 ? indent : 0;
            var used = lines[i].Sum(p => faces.Width(graphics, p));
            var gaps = lines[i].Count - 1;
            var extra = i < lines.Count - 1 && gaps > 0 ? Math.Max(0, (GongwenPage.BodyWidth - start - used) / gaps) : 0;
            Draw(lines[i], faces, GongwenPage.Left + start, extra);
        }
    }

    /// <summary>
    /// The issuer two characters in from the right, the date under it starting two characters further
    /// right; when the date is the longer, the date keeps two characters from the right and the issuer moves left.
    /// </summary>
    public void Signature(string issuer, string date, NoticePdf.Faces faces)
    {
        var graphics = Graphics();
        var step = GongwenPage.CharacterPitch;
        var right = GongwenPage.Left + GongwenPage.BodyWidth;
        var issuerWidth = faces.Width(graphics, issuer);
        var dateWidth = faces.Width(graphics, date);
        var issuerX = right - (2 * step) - issuerWidth;
        var dateX = issuerX + (2 * step);
        if (dateX + dateWidth > right - (2 * step))
        {
            dateX = right - (2 * step) - dateWidth;
            issuerX = dateX - (2 * step);
        }

        Draw(LineBreaking.Pieces(issuer), faces, issuerX, 0);
        Draw(LineBreaking.Pieces(date), faces, dateX, 0);
    }

    /// <summary>"— n —" under the body of every page: odd pages on the right, even pages on the left, one character in.</summary>
    public void PageNumbers(NoticePdf.Faces faces)
    {
        _graphics?.Dispose();
        _graphics = null;
        for (var i = 0; i < pdf.PageCount; i++)
        {
            using var graphics = XGraphics.FromPdfPage(pdf.Pages[i], XGraphicsPdfPageOptions.Append);
            var text = GongwenPage.PageNumber(i + 1);
            var width = faces.Width(graphics, text);
            var x = (i + 1) % 2 == 1
                ? GongwenPage.Left + GongwenPage.BodyWidth - GongwenPage.CharacterPitch - width
                : GongwenPage.Left + GongwenPage.CharacterPitch;
            var baseline = faces.Baseline(GongwenPage.PageNumberTop, faces.Size);
            foreach (var piece in LineBreaking.Pieces(text))
            {
                graphics.DrawString(piece, faces.FaceOf(piece), XBrushes.Black, new XPoint(x, baseline), XStringFormats.BaseLineLeft);
                x += faces.Width(graphics, piece);
            }
        }
    }

    public void Dispose() => _graphics?.Dispose();

    /// <summary>One line on the next line of the grid, <paramref name="extra"/> added after every piece but the last.</summary>
    private void Draw(List<string> pieces, NoticePdf.Faces faces, double x, double extra)
    {
        if (_line >= GongwenPage.LinesPerPage)
        {
            NewPage();
        }

        var graphics = _graphics!;
        var baseline = faces.Baseline(GongwenPage.Top + (_line * GongwenPage.LinePitch), GongwenPage.LinePitch);
        foreach (var piece in pieces)
        {
            // A CJK character sits in the middle of its grid cell, which is a little narrower than the face.
            var width = faces.Width(graphics, piece);
            var shift = faces.IsCjk(piece) ? (width - graphics.MeasureString(piece, faces.Cjk).Width) / 2 : 0;
            graphics.DrawString(piece, faces.FaceOf(piece), XBrushes.Black, new XPoint(x + shift, baseline), XStringFormats.BaseLineLeft);
            x += width + extra;
        }

        _line++;
    }

    private XGraphics Graphics()
    {
        if (_graphics is null)
        {
            NewPage();
            _line = 0;
        }

        return _graphics!;
    }

    private void NewPage()
    {
        _graphics?.Dispose();
        _page = pdf.AddPage();
        _page.Width = XUnit.FromPoint(GongwenPage.Width);
        _page.Height = XUnit.FromPoint(GongwenPage.Height);
        _graphics = XGraphics.FromPdfPage(_page);
        _line = 0;
    }
}
