using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine.Allocation;
using Microsoft.Extensions.Localization;

namespace Fangkong.Web.Exports.Lists;

/// <summary>
/// The allocation queue (/quarantine/queue, 人等床位) as a file: ListWaiting page by page, longest waiting
/// first, the page's columns (names, no identity numbers, as the page shows them).
/// </summary>
public static class WaitingListExport
{
    public static ListExport<ListWaiting.Row> For(FangkongDbContext db, TimeProvider time, IStringLocalizer texts) => new(
        "quarantine-waiting",
        "Person",
        "queue",
        [
            new("Quarantine.Kind", w => w.Severity is { } s ? $"{texts[$"OccupantKind.{w.Kind}"]} {texts[$"Severity.{s}"]}" : texts[$"OccupantKind.{w.Kind}"]),
            new("Quarantine.Name", w => w.Name),
            new("Quarantine.Region", w => w.RegionCode),
            new("Quarantine.Needs", w => texts[$"Quarantine.Needs.{w.Needs}"]),
            new("Quarantine.Identified", w => ChinaTime.Format(w.IdentifiedAt)),
            new("Quarantine.WaitingHours", w => w.WaitingHours.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Quarantine.HomeKnown", w => w.HomeKnown ? texts["Quarantine.Yes"] : texts["Quarantine.No"]),
        ],
        async (page, size, ct) => Result<Page<ListWaiting.Row>>.Ok((await ListWaiting.HandleAsync(db, time, page, size, ct)).Page),
        w => w.PersonId ?? 0,
        db.Jurisdiction.RegionPrefix);
}
