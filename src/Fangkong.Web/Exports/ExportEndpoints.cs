using Fangkong.Access;
using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine.Transfers;
using Fangkong.Supervision.Findings;
using Fangkong.Web.Exports.Lists;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Fangkong.Web.Exports;

/// <summary>
/// <c>GET /api/v1/{list}/export?format=csv|xlsx&amp;…</c>: each list's file, with the list's own query
/// parameters (less the paging) and the list's own permission. docs/guide/exports.md.
/// </summary>
internal static class ExportEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/cases/export", CasesAsync).WithName("ExportCases").WithTags("Exports").RequireAuthorization(Permissions.ViewCases);
        api.MapGet("/contacts/export", ContactsAsync).WithName("ExportContacts").WithTags("Exports").RequireAuthorization(Permissions.ViewCases);
        api.MapGet("/findings/export", FindingsAsync).WithName("ExportFindings").WithTags("Exports").RequireAuthorization(Permissions.ViewSupervision);
        api.MapGet("/accountability/cases/export", AccountabilityAsync).WithName("ExportAccountabilityCases").WithTags("Exports")
            .RequireAuthorization(Permissions.ViewAccountability);
        api.MapGet("/quarantine/waiting/export", WaitingAsync).WithName("ExportQuarantineWaiting").WithTags("Exports").RequireAuthorization(Permissions.ViewQuarantine);
        api.MapGet("/transfers/end-of-day/export", EndOfDayAsync).WithName("ExportEndOfDay").WithTags("Exports").RequireAuthorization(Permissions.ViewTransfers);
    }

    public static Task<IResult> CasesAsync(
        string? format, string? q, string? region, string? type, DateOnly? from, DateOnly? to,
        ListExporter exporter, FangkongDbContext db, IStringLocalizer<SharedResource> texts, CancellationToken ct) =>
        exporter.ExportAsync(CaseListExport.For(db, texts, new ListCases.Query(q, region, type, from, to, null, null)), format, ct);

    public static Task<IResult> ContactsAsync(
        string? format, string? region, string? kind, string? sourceCaseNo, string? sourceContactNo,
        ListExporter exporter, FangkongDbContext db, IStringLocalizer<SharedResource> texts, CancellationToken ct) =>
        exporter.ExportAsync(ContactListExport.For(db, texts, new ListContacts.Query(region, kind, sourceCaseNo, sourceContactNo, null, null)), format, ct);

    public static Task<IResult> FindingsAsync(
        string? format, FindingStatus? status, bool? overdue, FindingSource? source, string? region,
        ListExporter exporter, FangkongDbContext db, TimeProvider time, IStringLocalizer<SharedResource> texts, CancellationToken ct) =>
        exporter.ExportAsync(FindingListExport.For(db, time, texts, new ListFindings.Query(status, overdue ?? false, source, region)), format, ct);

    public static Task<IResult> AccountabilityAsync(
        string? format, string? status, ListExporter exporter, FangkongDbContext db, IStringLocalizer<SharedResource> texts, CancellationToken ct) =>
        exporter.ExportAsync(AccountabilityListExport.For(db, texts, status), format, ct);

    public static Task<IResult> WaitingAsync(
        string? format, ListExporter exporter, FangkongDbContext db, TimeProvider time, IStringLocalizer<SharedResource> texts, CancellationToken ct) =>
        exporter.ExportAsync(WaitingListExport.For(db, time, texts), format, ct);

    public static async Task<IResult> EndOfDayAsync(
        string? format, DateOnly? date, string? region, ListExporter exporter, FangkongDbContext db, TimeProvider time, IStringLocalizer<SharedResource> texts, CancellationToken ct)
    {
        var kind = ExportFormats.Parse(format);
        if (!kind.IsSuccess)
        {
            return ListExporter.Problem(kind.Error!);
        }

        var listing = await EndOfDayList.HandleAsync(db, time, date, region, ct);
        return listing.IsSuccess
            ? await exporter.FileAsync(EndOfDayExport.Name(listing.Value!), EndOfDayExport.Columns(texts), EndOfDayExport.Lines(listing.Value!), kind.Value, ct)
            : ListExporter.Problem(listing.Error!);
    }
}
