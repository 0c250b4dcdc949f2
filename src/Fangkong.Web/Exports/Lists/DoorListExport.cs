using System.Globalization;
using Fangkong.Testing.Doors;

namespace Fangkong.Web.Exports.Lists;

/// <summary>
/// The door-to-door list (敲门) as a file: the columns of its page (DoorTable.razor), the rows as
/// ListAllNotSampled read, masked and audited them. It reads by key, not by page number, so it hands
/// its rows to <see cref="ListExporter.FileAsync{T}"/> rather than a page reader.
/// </summary>
public static class DoorListExport
{
    public static IReadOnlyList<ExportColumn<DoorRow>> Columns { get; } =
    [
        new("Compounds.Name", r => r.Compound),
        new("Testing.Building", r => r.Building),
        new("Testing.Unit", r => r.Unit),
        new("Testing.Room", r => r.Room),
        new("Persons.Name", r => r.Name),
        new("Persons.Phone", r => r.Phone),
    ];

    public static string Name(ListAllNotSampled.DoorList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return string.Create(CultureInfo.InvariantCulture, $"not-sampled-{list.Scope.RoundId}-{list.Scope.Community}");
    }
}
