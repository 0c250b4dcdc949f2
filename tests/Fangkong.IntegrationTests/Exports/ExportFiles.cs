using System.Text;
using MiniExcelLibs;

namespace Fangkong.IntegrationTests.Exports;

/// <summary>Reads an exported file back: CSV by RFC 4180 (quotes, doubled quotes), .xlsx with MiniExcel.</summary>
internal static class ExportFiles
{
    /// <summary>The CSV's lines as cells; the file must start with the UTF-8 byte-order mark.</summary>
    public static List<string[]> Csv(byte[] file)
    {
        file.Take(3).ShouldBe(Encoding.UTF8.GetPreamble(), "Excel reads Chinese CSV right only with the BOM");
        var text = Encoding.UTF8.GetString(file, 3, file.Length - 3);
        var lines = new List<string[]>();
        var cells = new List<string>();
        var cell = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (quoted)
            {
                if (ch == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    cell.Append('"');
                    i++;
                }
                else if (ch == '"')
                {
                    quoted = false;
                }
                else
                {
                    cell.Append(ch);
                }
            }
            else if (ch == '"')
            {
                quoted = true;
            }
            else if (ch == ',')
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else if (ch == '\n')
            {
                cells.Add(cell.ToString().TrimEnd('\r'));
                cell.Clear();
                lines.Add([.. cells]);
                cells.Clear();
            }
            else
            {
                cell.Append(ch);
            }
        }

        return lines;
    }

    /// <summary>The first sheet's header row and rows, every cell as text.</summary>
    public static List<string[]> Xlsx(byte[] file)
    {
        using var stream = new MemoryStream(file);
        var lines = new List<string[]>();
        foreach (IDictionary<string, object?> row in stream.Query(useHeaderRow: false))
        {
            lines.Add([.. row.Values.Select(v => v?.ToString() ?? string.Empty)]);
        }

        return lines;
    }
}
