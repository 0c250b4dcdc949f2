using System.Globalization;
using Fangkong.Accountability;
using Fangkong.Data;
using Fangkong.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Fangkong.Web.Exports.Lists;

/// <summary>The accountability cases (/accountability) as a file: ListAccountabilityCases with the page's status tab.</summary>
public static class AccountabilityListExport
{
    public static ListExport<ListAccountabilityCases.Row> For(FangkongDbContext db, IStringLocalizer texts, string? status) => new(
        "accountability-cases",
        "AccountabilityCase",
        $"status={status}",
        [
            new("Acc.Number", c => c.Id.ToString(CultureInfo.InvariantCulture)),
            new("Acc.CaseTitle", c => c.Title),
            new("Acc.Region", c => c.RegionCode),
            new("Acc.Officials", c => c.Officials.ToString(CultureInfo.InvariantCulture)),
            new("Acc.Status", c => texts.Of(c.Status)),
            new("Acc.DecidingBody", c => c.DecidingBody),
            new("Acc.DecidedOn", c => ExportCells.Date(c.DecidedOn)),
        ],
        (page, size, ct) => ListAccountabilityCases.HandleAsync(db, status, page, size, ct),
        c => c.Id);
}
