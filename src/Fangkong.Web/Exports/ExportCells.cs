using System.Globalization;

namespace Fangkong.Web.Exports;

/// <summary>Cell texts as the pages show them.</summary>
public static class ExportCells
{
    public static string? Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
