using System.Globalization;
using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Fangkong.Web.Exports.Lists;

/// <summary>The case list (/cases) as a file: ListCases with the page's filter, the page's columns.</summary>
public static class CaseListExport
{
    public static ListExport<CaseView> For(FangkongDbContext db, IStringLocalizer texts, ListCases.Query filter) => new(
        "cases",
        nameof(Case),
        string.Create(CultureInfo.InvariantCulture, $"q={filter.Text};region={filter.Region};type={filter.Type};from={filter.From};to={filter.To}"),
        [
            new("Cases.CaseNo", c => c.CaseNo),
            new("Cases.Name", c => c.Name),
            new("Cases.IdNumber", c => c.IdNumber),
            new("Cases.Region", c => c.RegionCode),
            new("Cases.Type", c => texts.Of(c.Type)),
            new("Cases.Severity", c => c.Severity is { } s ? texts.Of(s) : null),
            new("Cases.ReportedOn", c => ExportCells.Date(c.ReportedOn)),
            new("Cases.ConvertedFrom", c => c.ConvertedFromCaseNo),
            new("Cases.Outcome", c => c.Outcome is { } o ? texts.Of(o) : null),
            new("Cases.OutcomeOn", c => ExportCells.Date(c.OutcomeOn)),
        ],
        (page, size, ct) => ListCases.HandleAsync(db, filter with { Page = page, PageSize = size }, ct),
        c => c.Id,
        filter.Region);
}
