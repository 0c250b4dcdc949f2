namespace Fangkong.Web.Exports;

/// <summary>
/// Bounds on exports (configuration section <c>Fangkong:Exports</c>). A file holds at most
/// <see cref="MaxRows"/> rows: above that the export is refused with the count and the cap, and the
/// user narrows the filter. The rows of one file are held in memory while it is written, so the
/// cap is also the memory bound (about 10,000 rows × 10 columns, a few MB).
/// </summary>
public sealed class ExportSettings
{
    public const string Section = "Fangkong:Exports";

    public const int DefaultMaxRows = 10_000;

    public int MaxRows { get; set; } = DefaultMaxRows;
}
