using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;

namespace Fangkong.Web.Exports;

/// <summary>
/// The one export path: reads a list's rows (its own use case, its own masking), writes them as CSV or
/// .xlsx with the headers in the request's culture, and answers with a file, or a ProblemDetails
/// for a bad format, a filter the use case refuses, or too many rows.
/// </summary>
internal sealed class ListExporter(FangkongDbContext db, IStringLocalizer<SharedResource> texts, ExportSettings settings, TimeProvider time)
{
    /// <summary>The rows of the list's current filter up to the cap, for the print layout (audited as <c>print</c>).</summary>
    public async Task<Result<Page<T>>> ReadForPrintAsync<T>(ListExport<T> list, CancellationToken ct = default)
    {
        var rows = await ExportReader.ReadAllAsync(db, list, settings.MaxRows, "print", ct);
        return rows.IsSuccess ? new Page<T>(rows.Value!, 1, Math.Max(1, rows.Value!.Count), rows.Value!.Count) : rows.Error!;
    }

    public int MaxRows => settings.MaxRows;

    public async Task<IResult> ExportAsync<T>(ListExport<T> list, string? format, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(list);
        var parsed = ExportFormats.Parse(format);
        if (!parsed.IsSuccess)
        {
            return Problem(parsed.Error!);
        }

        var kind = parsed.Value;
        var rows = await ExportReader.ReadAllAsync(db, list, settings.MaxRows, ExportFormats.Extension(kind), ct);
        return rows.IsSuccess ? await FileAsync(list.Name, list.Columns, rows.Value!, kind, ct) : Problem(rows.Error!);
    }

    /// <summary>
    /// Rows a list has already read (and audited) as a file: for a list that is not paged by number,
    /// like the door-to-door list, which reads by key.
    /// </summary>
    public async Task<IResult> FileAsync<T>(string name, IReadOnlyList<ExportColumn<T>> columns, IReadOnlyList<T> rows, ExportFormat kind, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(rows);
        var headers = columns.Select(c => texts[c.HeaderKey].Value).ToList();
        var cells = rows.Select(r => (IReadOnlyList<string?>)columns.Select(c => c.Cell(r)).ToList());
        using var file = new MemoryStream();
        if (kind == ExportFormat.Xlsx)
        {
            await XlsxExportWriter.WriteAsync(file, name, headers, cells, ct);
        }
        else
        {
            await CsvExportWriter.WriteAsync(file, headers, cells, ct);
        }

        var fileName = string.Create(CultureInfo.InvariantCulture, $"{name}-{time.GetUtcNow():yyyyMMdd-HHmmss}.{ExportFormats.Extension(kind)}");
        return TypedResults.File(file.ToArray(), ExportFormats.ContentType(kind), fileName);
    }

    /// <summary>A refusal as the list exports answer it: 400 naming the field, or the error kind's status.</summary>
    internal static IResult Problem(Error error)
    {
        var http = Result<object>.Fail(error).ToHttp();
        return http.Result;
    }
}
