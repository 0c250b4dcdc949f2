using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Supervision.Findings;
using Fangkong.Web.Infrastructure;
using Microsoft.Extensions.Localization;

namespace Fangkong.Web.Exports.Lists;

/// <summary>The findings list (/findings) as a file: ListFindings with the page's filter.</summary>
public static class FindingListExport
{
    public static ListExport<FindingView.Summary> For(FangkongDbContext db, TimeProvider time, IStringLocalizer texts, ListFindings.Query filter) => new(
        "findings",
        nameof(Finding),
        string.Create(CultureInfo.InvariantCulture, $"status={filter.Status};overdue={filter.OverdueOnly};source={filter.Source};region={filter.Region}"),
        [
            new("Exports.Number", f => f.Id.ToString(CultureInfo.InvariantCulture)),
            new("Sup.Title", f => f.Title),
            new("Sup.Unit", f => f.ResponsibleUnit),
            new("Exports.ResponsiblePerson", f => f.ResponsiblePerson),
            new("Sup.Severity", f => texts.Of(f.Severity)),
            new("Sup.Source", f => texts.Of(f.Source)),
            new("Sup.Deadline", f => ChinaTime.Format(f.Deadline)),
            new("Sup.Status", f => f.Overdue ? $"{texts.Of(f.Status)} · {texts["Sup.Overdue"]}" : texts.Of(f.Status)),
            new("Sup.Level", f => f.EscalationLevel > 0 ? $"{f.EscalationLevel} → {f.EscalatedTo}" : null),
        ],
        (page, size, ct) => ListFindings.HandleAsync(db, time, filter with { Page = page, PageSize = size }, ct),
        f => f.Id,
        filter.Region);
}
