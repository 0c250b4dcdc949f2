using System.Net;
using System.Text;

namespace Fangkong.Accountability;

/// <summary>The notice as plain text and as a standalone HTML page.</summary>
public static class NoticeText
{
    public static string Plain(NoticeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var text = new StringBuilder();
        text.Append(document.Title).Append("\n\n");
        text.Append(document.Opening).Append("\n\n");
        foreach (var matter in document.Matters)
        {
            text.Append(matter).Append("\n\n");
        }

        text.Append(document.Closing).Append("\n\n");
        text.Append(document.IssuingBody).Append('\n').Append(document.DateText).Append('\n');
        return text.ToString();
    }

    public static string Html(NoticeDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").Append(Encode(document.Title)).Append("</title>\n");
        html.Append("<style>body{font-family:\"Noto Serif CJK SC\",\"SimSun\",serif;max-width:42em;margin:2em auto;line-height:1.8}")
            .Append("h1{text-align:center;font-size:1.4em}p{text-indent:2em}.issuer{text-align:right;text-indent:0}</style>\n</head>\n<body>\n");
        html.Append("<h1>").Append(Encode(document.Title)).Append("</h1>\n");
        html.Append("<p>").Append(Encode(document.Opening)).Append("</p>\n");
        foreach (var matter in document.Matters)
        {
            html.Append("<p class=\"matter\">").Append(Encode(matter)).Append("</p>\n");
        }

        html.Append("<p>").Append(Encode(document.Closing)).Append("</p>\n");
        html.Append("<p class=\"issuer\">").Append(Encode(document.IssuingBody)).Append("<br>").Append(Encode(document.DateText)).Append("</p>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
