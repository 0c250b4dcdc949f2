using System.Globalization;
using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Livelihood.Medical;
using Fangkong.Livelihood.Requests;
using Fangkong.Web.Exports;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace Fangkong.Web.Livelihood;

/// <summary>The requests list and the trips to hospital as CSV or Excel, for the community's daily meeting (the kit's ListExporter).</summary>
public static class RequestsExports
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/requests/export", RequestsAsync).WithName("ExportRequests").WithTags("Exports").RequireAuthorization(Permissions.ViewRequests);
        api.MapGet("/medical-trips/export", TripsAsync).WithName("ExportMedicalTrips").WithTags("Exports").RequireAuthorization(Permissions.ViewRequests);
    }

    internal static Task<IResult> RequestsAsync(
        string? format, RequestState? state, RequestKind? kind, string? region, bool? open, bool? overdue, bool? queue,
        ListExporter exporter, FangkongDbContext db, TimeProvider time, IStringLocalizer<SharedResource> texts, CancellationToken ct) =>
        exporter.ExportAsync(Requests(db, time, texts, new ListRequests.Query(state, kind, region, open ?? false, overdue ?? false, queue ?? false)), format, ct);

    internal static Task<IResult> TripsAsync(
        string? format, bool? open, bool? emergency, ListExporter exporter, FangkongDbContext db, TimeProvider time, IStringLocalizer<SharedResource> texts, CancellationToken ct) =>
        exporter.ExportAsync(Trips(db, time, texts, new ListMedicalTrips.Query(open ?? false, emergency ?? false)), format, ct);

    public static ListExport<RequestView.Summary> Requests(FangkongDbContext db, TimeProvider time, IStringLocalizer texts, ListRequests.Query filter) => new(
        "requests",
        nameof(ResidentRequest),
        string.Create(CultureInfo.InvariantCulture, $"state={filter.State};kind={filter.Kind};region={filter.Region};open={filter.OpenOnly};overdue={filter.OverdueOnly};queue={filter.QueueOnly}"),
        [
            new("Exports.Number", r => r.Id.ToString(CultureInfo.InvariantCulture)),
            new("Needs.Ticket", r => r.TicketNo),
            new("Needs.Kind", r => texts.Of(r.Kind)),
            new("Needs.Urgency", r => texts.Of(r.Urgency)),
            new("Needs.Community", r => r.Placed ? r.RegionCode : $"{r.RegionCode} · {texts["Needs.Queue"]}"),
            new("Needs.Resident", r => r.Name),
            new("Needs.Phone", r => r.Phone),
            new("Needs.Address", r => r.Address),
            new("Needs.Received", r => ChinaTime.Format(r.ReceivedAt)),
            new("Needs.Due", r => ChinaTime.Format(r.DueAt)),
            new("Needs.State", r => r.Overdue ? $"{texts.Of(r.State)} · {texts["Needs.Overdue"]}" : texts.Of(r.State)),
            new("Needs.Assignee", r => r.Assignee),
            new("Needs.Escalated", r => r.EscalationLevel > 0 ? $"{r.EscalationLevel} → {r.EscalatedTo}" : null),
        ],
        (page, size, ct) => ListRequests.HandleAsync(db, time, filter with { Page = page, PageSize = size }, ct),
        r => r.Id,
        filter.Region);

    public static ListExport<MedicalTripView.Row> Trips(FangkongDbContext db, TimeProvider time, IStringLocalizer texts, ListMedicalTrips.Query filter) => new(
        "medical-trips",
        nameof(MedicalTrip),
        string.Create(CultureInfo.InvariantCulture, $"open={filter.OpenOnly};emergency={filter.EmergencyOnly}"),
        [
            new("Exports.Number", t => t.Id.ToString(CultureInfo.InvariantCulture)),
            new("Needs.Request", t => t.RequestId.ToString(CultureInfo.InvariantCulture)),
            new("Needs.Resident", t => t.Patient),
            new("Needs.Need", t => texts.Of(t.Need)),
            new("Needs.Hospital", t => t.Hospital),
            new("Needs.Vehicle", t => t.Vehicle),
            new("Needs.Requested", t => ChinaTime.Format(t.RequestedAt)),
            new("Needs.Dispatched", t => ChinaTime.Format(t.DispatchedAt)),
            new("Needs.Arrived", t => ChinaTime.Format(t.ArrivedAt)),
            new("Needs.Admitted", t => ChinaTime.Format(t.AdmittedAt)),
            new("Needs.MinutesToDispatch", t => t.MinutesToDispatch?.ToString("0", CultureInfo.InvariantCulture)),
        ],
        (page, size, ct) => ListMedicalTrips.HandleAsync(db, time, filter with { Page = page, PageSize = size }, ct),
        t => t.Id);
}
