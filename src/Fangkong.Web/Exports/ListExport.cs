using Fangkong.Common;

namespace Fangkong.Web.Exports;

/// <summary>
/// What an export needs from a list: its name, the page reader of the SAME use case the page calls
/// (so the same filter, jurisdiction and masking), the columns and what the audit line records.
/// </summary>
/// <param name="Name">The list's name in the file name and the audit line, e.g. <c>cases</c>.</param>
/// <param name="Entity">The audited entity, as the list's own search line names it.</param>
/// <param name="Filter">The filter as the audit line records it.</param>
/// <param name="ReadPage">Reads one page (1-based) of the list at the given page size.</param>
/// <param name="IdOf">The record id each row stands for, listed on the audit line.</param>
/// <param name="Region">The region filter, if any, for the audit line.</param>
public sealed record ListExport<T>(
    string Name,
    string Entity,
    string Filter,
    IReadOnlyList<ExportColumn<T>> Columns,
    Func<int, int, CancellationToken, Task<Result<Page<T>>>> ReadPage,
    Func<T, long> IdOf,
    string? Region = null);
