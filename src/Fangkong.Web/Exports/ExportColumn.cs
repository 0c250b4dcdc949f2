namespace Fangkong.Web.Exports;

/// <summary>One column of an exported list: the text key of its header (localised per request) and its cell text.</summary>
/// <param name="HeaderKey">A key of tools/texts.tsv, the same the page's header cell shows.</param>
/// <param name="Cell">The row's text in this column, already masked as the page shows it.</param>
public sealed record ExportColumn<T>(string HeaderKey, Func<T, string?> Cell);
