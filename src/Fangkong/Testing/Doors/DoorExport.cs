using System.Text;
using Fangkong.Auditing;
using MiniExcels = MiniExcelLibs.MiniExcel;

namespace Fangkong.Testing.Doors;

/// <summary>
/// The door-to-door list as a file: CSV (UTF-8 with a byte-order mark, so that Excel reads the
/// Chinese) or an Excel workbook (.xlsx, MiniExcel). The rows and their masking are the page's
/// (<see cref="ListAllNotSampled"/>, which also writes the audit line). Kept apart from the shared
/// list exports being built on another branch, so that it can be folded into them later.
/// </summary>
public static class DoorExport
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";

    /// <summary>The column titles, Chinese then English, in the page's order.</summary>
    public static IReadOnlyList<string> Headers { get; } =
        ["小区 Compound", "楼栋 Building", "单元 Unit", "房号 Room", "姓名 Name", "电话 Phone"];

    public static bool IsFormat(string? format) => format is Csv or Xlsx;

    public static string ContentType(string format) => format == Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    public static string FileName(ListAllNotSampled.DoorList list, string format)
    {
        ArgumentNullException.ThrowIfNull(list);
        return $"not-sampled-{list.Scope.RoundId}-{list.Scope.Community}.{format}";
    }

    public static byte[] Write(ListAllNotSampled.DoorList list, string format)
    {
        ArgumentNullException.ThrowIfNull(list);
        return format == Xlsx ? WriteXlsx(list.Rows) : WriteCsv(list.Rows);
    }

    private static string?[] Cells(DoorRow row) => [row.Compound, row.Building, row.Unit, row.Room, row.Name, row.Phone];

    private static byte[] WriteCsv(IReadOnlyList<DoorRow> rows)
    {
        var csv = new StringBuilder();
        csv.Append(string.Join(',', Headers.Select(ExportAuditLog.Field))).Append("\r\n");
        foreach (var row in rows)
        {
            // Field defuses a leading = + - @: a spreadsheet shows a room "-1", never runs it.
            csv.Append(string.Join(',', Cells(row).Select(ExportAuditLog.Field))).Append("\r\n");
        }

        return Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray();
    }

    private static byte[] WriteXlsx(IReadOnlyList<DoorRow> rows)
    {
        // Every cell as text: a room "0101" or a phone keeps its digits, never becomes a number.
        var sheet = rows.Select(row =>
        {
            var line = new Dictionary<string, object?>(StringComparer.Ordinal);
            var cells = Cells(row);
            for (var i = 0; i < Headers.Count; i++)
            {
                line[Headers[i]] = cells[i] ?? string.Empty;
            }

            return line;
        }).ToList();
        using var stream = new MemoryStream();
        MiniExcels.SaveAs(stream, sheet, sheetName: "敲门名单", excelType: MiniExcelLibs.ExcelType.XLSX);
        return stream.ToArray();
    }
}
