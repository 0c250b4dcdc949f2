using Fangkong.Common;

namespace Fangkong.Web.Exports;

/// <summary>The file formats a list can be exported as.</summary>
public enum ExportFormat
{
    /// <summary>CSV, UTF-8 with a byte-order mark so that Excel reads the Chinese.</summary>
    Csv,

    /// <summary>An Excel workbook (.xlsx) of one sheet.</summary>
    Xlsx,
}

/// <summary>Reads the <c>format</c> query parameter: <c>csv</c> (the default) or <c>xlsx</c>.</summary>
public static class ExportFormats
{
    public static Result<ExportFormat> Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => ExportFormat.Csv,
        "xlsx" or "excel" => ExportFormat.Xlsx,
        _ => Error.Invalid("format", ErrorText.Of("error.web.export-format", text)),
    };

    public static string ContentType(ExportFormat format) => format == ExportFormat.Xlsx
        ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        : "text/csv; charset=utf-8";

    public static string Extension(ExportFormat format) => format == ExportFormat.Xlsx ? "xlsx" : "csv";
}
