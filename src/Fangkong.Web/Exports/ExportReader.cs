using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;

namespace Fangkong.Web.Exports;

/// <summary>
/// Reads every row of a list's current filter through the list's own use case, page by page, up
/// to the cap, and writes ONE audit line for the export (who, which list, which filter, how many
/// rows, which records) instead of one per page read.
/// </summary>
public static class ExportReader
{
    /// <summary>The page size the use cases accept at most (<see cref="Page{T}.MaxSize"/>).</summary>
    private const int PageSize = Page<object>.MaxSize;

    /// <param name="purpose">What the rows are for on the audit line: <c>csv</c>, <c>xlsx</c> or <c>print</c>.</param>
    public static async Task<Result<IReadOnlyList<T>>> ReadAllAsync<T>(
        FangkongDbContext db, ListExport<T> list, int maxRows, string purpose, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(list);
        var rows = new List<T>();
        var held = db.SearchLinesHeld;
        db.SearchLinesHeld = true;
        try
        {
            for (var number = 1; ; number++)
            {
                var page = await list.ReadPage(number, PageSize, ct);
                if (!page.IsSuccess)
                {
                    return page.Error!;
                }

                // Refused before any row leaves: the count comes with the first page.
                if (page.Value!.TotalCount > maxRows)
                {
                    return Error.Invalid("filter", ErrorText.Of("error.web.export-too-many", page.Value.TotalCount, maxRows));
                }

                rows.AddRange(page.Value.Items);
                if (page.Value.Items.Count == 0 || number >= page.Value.PageCount || rows.Count >= maxRows)
                {
                    break;
                }
            }
        }
        finally
        {
            db.SearchLinesHeld = held;
        }

        await db.AuditSearchAsync(list.Entity, string.Create(CultureInfo.InvariantCulture, $"export list={list.Name};format={purpose};rows={rows.Count};{list.Filter}"),
            rows.Select(list.IdOf).ToList(), list.Region, ct);
        return rows;
    }
}
