using System.Globalization;
using Fangkong.Common;
using Fangkong.Quarantine.Transfers;
using Fangkong.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Fangkong.Web.Exports.Lists;

/// <summary>
/// The end-of-day list (日清日结, /transfers/end-of-day) as a file for the evening meeting: one line per
/// person not checked in, with the county. The rows are the page's (EndOfDayList, masked and audited
/// there, at most its listed people, longest waiting first), not read again page by page.
/// </summary>
public static class EndOfDayExport
{
    public sealed record Line(string County, EndOfDayList.Row Person);

    public static IReadOnlyList<ExportColumn<Line>> Columns(IStringLocalizer texts) =>
    [
        new("EndOfDay.County", l => l.County),
        new("Dispatch.Name", l => l.Person.Name),
        new("Dispatch.IdNumber", l => l.Person.IdNumber),
        new("Dispatch.Site", l => l.Person.SiteName),
        new("Dispatch.State", l => texts.Of(l.Person.State)),
        new("EndOfDay.Identified", l => ChinaTime.Format(l.Person.IdentifiedAt)),
        new("Dispatch.HoursWaiting", l => l.Person.HoursWaiting.ToString("0.0", CultureInfo.InvariantCulture)),
    ];

    public static IReadOnlyList<Line> Lines(EndOfDayList.Listing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return [.. listing.Counties.SelectMany(c => c.People.Select(p => new Line(c.Name, p)))];
    }

    public static string Name(EndOfDayList.Listing listing)
    {
        ArgumentNullException.ThrowIfNull(listing);
        return string.Create(CultureInfo.InvariantCulture, $"end-of-day-{listing.Day:yyyyMMdd}");
    }
}
