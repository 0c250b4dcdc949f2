using MiniExcelLibs;

namespace Fangkong.Web.Exports;

/// <summary>
/// One sheet with the localised headers as its first row, every cell text (an identity number stays
/// text, never a number that Excel would round). MiniExcel writes a zip, which needs synchronous
/// writes: the workbook is built in memory (bounded by the export cap) and copied out asynchronously.
/// Cells are written as strings, never as formulas, so no text can run in the sheet.
/// </summary>
public static class XlsxExportWriter
{
    public static async Task WriteAsync(Stream output, string sheet, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        // A table, not a list of dictionaries: its columns give the header row even when there are no rows.
        using var table = new System.Data.DataTable(sheet);
        foreach (var key in UniqueHeaders(headers))
        {
            table.Columns.Add(key, typeof(string));
        }

        foreach (var row in rows)
        {
            var cells = new object[headers.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = i < row.Count ? row[i] ?? string.Empty : string.Empty;
            }

            table.Rows.Add(cells);
        }

        using var buffer = new MemoryStream();
        buffer.SaveAs(table, sheetName: sheet, excelType: ExcelType.XLSX);
        buffer.Position = 0;
        await buffer.CopyToAsync(output, ct);
    }

    /// <summary>A header row's keys must differ; a repeated header gets " (2)".</summary>
    private static List<string> UniqueHeaders(IReadOnlyList<string> headers)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var keys = new List<string>(headers.Count);
        foreach (var h in headers)
        {
            var key = h;
            for (var n = 2; !seen.Add(key); n++)
            {
                key = $"{h} ({n})";
            }

            keys.Add(key);
        }

        return keys;
    }
}
