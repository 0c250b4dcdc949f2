using System.Text;
using Fangkong.Auditing;

namespace Fangkong.Web.Exports;

/// <summary>
/// CSV as Excel opens it in China: UTF-8 with a byte-order mark (without one Excel reads GBK and the
/// Chinese is garbled), CRLF lines, fields quoted when needed and formula-like text defused
/// (the same rule as the audit log's export).
/// </summary>
public static class CsvExportWriter
{
    public static async Task WriteAsync(Stream output, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(rows);
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await WriteLineAsync(writer, headers);
        foreach (var row in rows)
        {
            ct.ThrowIfCancellationRequested();
            await WriteLineAsync(writer, row);
        }

        await writer.FlushAsync(ct);
    }

    private static Task WriteLineAsync(StreamWriter writer, IEnumerable<string?> cells) =>
        writer.WriteAsync(string.Join(',', cells.Select(ExportAuditLog.Field)) + "\r\n");
}
