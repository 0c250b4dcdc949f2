using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Common.Input;
using Fangkong.Data;
using Fangkong.Livelihood;
using Fangkong.Livelihood.Medical;
using Fangkong.Livelihood.Requests;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace Fangkong.Web.Livelihood;

/// <summary>
/// Residents' requests (诉求) and trips to hospital: the hotline system's door (idempotent by ticket),
/// the staff's door, the steps, the lists and the dashboard. docs/guide/residents-needs.md.
/// </summary>
public static class RequestsApi
{
    /// <summary>A request staff take for a resident (by phone or at the door).</summary>
    public sealed record StaffRequest(
        string? Kind, string? Urgency, string? Name, string? Phone, string? Address, [MultiLine] string? Description,
        string? District = null, string? RegionCode = null, long? CompoundId = null, string? IdNumber = null);

    public sealed record Text([MultiLine] string? Value);

    public sealed record Assign(string? Assignee);

    public sealed record Place(string? RegionCode, long? CompoundId);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var requests = api.MapGroup("/requests").WithTags("Livelihood");
        requests.MapGet("/", ListAsync).WithName("ListRequests").RequireAuthorization(Permissions.ViewRequests);
        requests.MapGet("/dashboard", DashboardAsync).WithName("RequestsDashboard").RequireAuthorization(Permissions.ViewRequests);
        requests.MapGet("/{id:long}", GetAsync).WithName("GetRequest").RequireAuthorization(Permissions.ViewRequests);
        requests.MapPost("/", TakeAsync).WithName("TakeRequest").RequireAuthorization(Permissions.HandleRequests);
        requests.MapPost("/hotline", HotlineAsync).WithName("ReceiveHotlineTicket").RequireAuthorization(Permissions.ReceiveHotline);
        requests.MapPost("/{id:long}/place", PlaceAsync).WithName("PlaceRequest").RequireAuthorization(Permissions.HandleRequests);
        requests.MapPost("/{id:long}/assign", AssignAsync).WithName("AssignRequest").RequireAuthorization(Permissions.HandleRequests);
        requests.MapPost("/{id:long}/start", StartAsync).WithName("StartRequest").RequireAuthorization(Permissions.HandleRequests);
        requests.MapPost("/{id:long}/resolve", ResolveAsync).WithName("ResolveRequest").RequireAuthorization(Permissions.HandleRequests);
        requests.MapPost("/{id:long}/return", ReturnAsync).WithName("ReturnRequest").RequireAuthorization(Permissions.HandleRequests);
        var trips = api.MapGroup("/medical-trips").WithTags("Livelihood");
        trips.MapGet("/", TripsAsync).WithName("ListMedicalTrips").RequireAuthorization(Permissions.ViewRequests);
        trips.MapPost("/", OpenTripAsync).WithName("OpenMedicalTrip").RequireAuthorization(Permissions.DispatchMedical);
        trips.MapPost("/{id:long}/steps", StepAsync).WithName("RecordMedicalStep").RequireAuthorization(Permissions.DispatchMedical);
    }

    public static async Task<Results<Ok<Page<RequestView.Summary>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        RequestState? state, RequestKind? kind, string? region, bool? open, bool? overdue, bool? queue, int? page, int? pageSize,
        FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ListRequests.HandleAsync(db, time, new ListRequests.Query(state, kind, region, open ?? false, overdue ?? false, queue ?? false, page, pageSize), ct)).ToHttp();

    public static async Task<Ok<RequestsDashboard.Board>> DashboardAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await RequestsDashboard.HandleAsync(db, time, ct));

    public static async Task<Results<Ok<RequestView.Detail>, ValidationProblem, ProblemHttpResult>> GetAsync(long id, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await GetRequest.HandleAsync(db, time, id, ct)).ToHttp();

    public static async Task<Results<Ok<ReceiveRequest.Received>, ValidationProblem, ProblemHttpResult>> TakeAsync(
        StaffRequest body, FangkongDbContext db, TimeProvider time, IOptions<LivelihoodOptions> options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var draft = new RequestDraft(body.Kind, body.Urgency, body.Name, body.Phone, body.Address, body.Description, body.District, body.RegionCode, body.CompoundId, body.IdNumber);
        return (await ReceiveRequest.HandleAsync(db, time, options.Value, RequestSource.Staff, draft, ct)).ToHttp();
    }

    /// <summary>The 12345 system posts each ticket; the same ticket again answers as the first.</summary>
    public static async Task<Results<Ok<ReceiveRequest.Received>, ValidationProblem, ProblemHttpResult>> HotlineAsync(
        RequestDraft body, FangkongDbContext db, TimeProvider time, IOptions<LivelihoodOptions> options, CancellationToken ct) =>
        (await ReceiveRequest.HandleAsync(db, time, options.Value, RequestSource.Hotline, body, ct)).ToHttp();

    public static async Task<Results<Ok<RequestView.Summary>, ValidationProblem, ProblemHttpResult>> PlaceAsync(
        long id, Place body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await RequestTransitions.PlaceAsync(db, time, id, body?.RegionCode, body?.CompoundId, ct)).ToHttp();

    public static async Task<Results<Ok<RequestView.Summary>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        long id, Assign body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await RequestTransitions.AssignAsync(db, time, id, body?.Assignee, ct)).ToHttp();

    public static async Task<Results<Ok<RequestView.Summary>, ValidationProblem, ProblemHttpResult>> StartAsync(
        long id, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await RequestTransitions.StartAsync(db, time, id, ct)).ToHttp();

    public static async Task<Results<Ok<RequestView.Summary>, ValidationProblem, ProblemHttpResult>> ResolveAsync(
        long id, Text body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await RequestTransitions.ResolveAsync(db, time, id, body?.Value, ct)).ToHttp();

    public static async Task<Results<Ok<RequestView.Summary>, ValidationProblem, ProblemHttpResult>> ReturnAsync(
        long id, Text body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await RequestTransitions.ReturnAsync(db, time, id, body?.Value, ct)).ToHttp();

    public static async Task<Results<Ok<Page<MedicalTripView.Row>>, ValidationProblem, ProblemHttpResult>> TripsAsync(
        bool? open, bool? emergency, int? page, int? pageSize, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ListMedicalTrips.HandleAsync(db, time, new ListMedicalTrips.Query(open ?? false, emergency ?? false, page, pageSize), ct)).ToHttp();

    public static async Task<Results<Ok<MedicalTripView.Row>, ValidationProblem, ProblemHttpResult>> OpenTripAsync(
        OpenMedicalTrip.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await OpenMedicalTrip.HandleAsync(db, time, body, ct)).ToHttp();

    public static async Task<Results<Ok<MedicalTripView.Row>, ValidationProblem, ProblemHttpResult>> StepAsync(
        long id, RecordMedicalStep.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await RecordMedicalStep.HandleAsync(db, time, id, body, ct)).ToHttp();
}
