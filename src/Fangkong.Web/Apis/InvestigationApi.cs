using System.Globalization;
using Fangkong.Access;
using Fangkong.Cases.Investigation;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Fangkong.Common.Input;

namespace Fangkong.Web.Apis;

/// <summary>
/// Epidemiological investigation (流调, issue 4 item 3): the investigation of a case, its
/// itinerary, the contact candidates Fangkong proposes and the investigator's decisions, place
/// check-ins; plus the investigation page's forms (antiforgery-checked). Investigators and the
/// command centre manage (ManageCases); whoever sees cases reads.
/// </summary>
public static class InvestigationApi
{
    public sealed record Itinerary(IReadOnlyList<UpdateItinerary.Stop>? Stops, string? Investigator, [Happened] DateOnly? OnsetOn, [Happened] DateOnly? SampledOn = null);

    public sealed record Confirm([Happened] DateOnly? ExposureOn, [Happened] DateOnly? IdentifiedOn);

    public sealed record Dismiss(string? Reason);

    public sealed record CheckInItem(string? IdNumber, long? PlaceId, DateTimeOffset? CheckedInAt);

    public sealed record CheckIns(IReadOnlyList<CheckInItem>? Items);

    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var api = app.MapGroup("/api/v1").RequireAuthorization().DisableAntiforgery().WithTags("Investigation");
        var one = api.MapGroup("/cases/{id:long}/investigation").RequireAuthorization(Permissions.ViewCases);
        one.MapGet("/", GetAsync).WithName("GetInvestigation");
        one.MapPost("/", OpenAsync).WithName("OpenInvestigation").RequireAuthorization(Permissions.ManageCases);
        one.MapPut("/itinerary", UpdateItineraryAsync).WithName("UpdateItinerary").RequireAuthorization(Permissions.ManageCases);
        one.MapPost("/submit", SubmitAsync).WithName("SubmitInvestigation").RequireAuthorization(Permissions.ManageCases);
        one.MapPost("/close", CloseAsync).WithName("CloseInvestigation").RequireAuthorization(Permissions.ManageCases);
        one.MapGet("/candidates", ListCandidatesAsync).WithName("ListContactCandidates");
        one.MapPost("/candidates/{candidateId:long}/confirm", ConfirmAsync).WithName("ConfirmContactCandidate").RequireAuthorization(Permissions.ManageCases);
        one.MapPost("/candidates/{candidateId:long}/dismiss", DismissAsync).WithName("DismissContactCandidate").RequireAuthorization(Permissions.ManageCases);
        api.MapGet("/investigations", ListAsync).WithName("ListInvestigations").RequireAuthorization(Permissions.ViewCases);
        api.MapPost("/investigations/open-missing", OpenMissingAsync).WithName("OpenMissingInvestigations").RequireAuthorization(Permissions.ManageCases);
        var checkins = api.MapGroup("/checkins").RequireAuthorization(Permissions.ManageCases);
        checkins.MapPost("/", AddCheckInsAsync).WithName("AddCheckIns");
        checkins.MapPost("/import", ImportCheckInsAsync).WithName("ImportCheckIns");
    }

    public static async Task<Results<Ok<InvestigationView>, ValidationProblem, ProblemHttpResult>> GetAsync(
        long id, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await GetInvestigation.HandleAsync(db, id, time.GetUtcNow(), ct)).ToHttp();

    public static async Task<Results<Ok<InvestigationView>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        long id, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var opened = await OpenInvestigation.HandleAsync(db, id, time.GetUtcNow(), ct);
        return opened.IsSuccess ? (await GetInvestigation.HandleAsync(db, id, time.GetUtcNow(), ct)).ToHttp() : Result<InvestigationView>.Fail(opened.Error!).ToHttp();
    }

    public static async Task<Results<Ok<InvestigationView>, ValidationProblem, ProblemHttpResult>> UpdateItineraryAsync(
        long id, Itinerary body, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        return (await UpdateItinerary.HandleAsync(db, id, new UpdateItinerary.Command(body.Stops ?? [], body.Investigator, body.OnsetOn, body.SampledOn), time.GetUtcNow(), ct)).ToHttp();
    }

    public static async Task<Results<Ok<InvestigationView>, ValidationProblem, ProblemHttpResult>> SubmitAsync(
        long id, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await SubmitInvestigation.HandleAsync(db, id, time.GetUtcNow(), ct)).ToHttp();

    public static async Task<Results<Ok<InvestigationView>, ValidationProblem, ProblemHttpResult>> CloseAsync(
        long id, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await SubmitInvestigation.CloseAsync(db, id, time.GetUtcNow(), ct)).ToHttp();

    public static async Task<Results<Ok<IReadOnlyList<CandidateView>>, ValidationProblem, ProblemHttpResult>> ListCandidatesAsync(
        long id, string? status, FangkongDbContext db, TimeProvider time, CandidateSettings candidates, CancellationToken ct) =>
        (await ListCandidates.HandleAsync(db, id, status, candidates, time.GetUtcNow(), ct)).ToHttp();

    public static async Task<Results<Ok<CandidateView>, ValidationProblem, ProblemHttpResult>> ConfirmAsync(
        long id, long candidateId, Confirm? body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await DecideCandidate.ConfirmAsync(db, id, candidateId, new DecideCandidate.Confirmation(body?.ExposureOn, body?.IdentifiedOn), time.GetUtcNow(), ct)).ToHttp();

    public static async Task<Results<Ok<CandidateView>, ValidationProblem, ProblemHttpResult>> DismissAsync(
        long id, long candidateId, Dismiss? body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await DecideCandidate.DismissAsync(db, id, candidateId, body?.Reason, time.GetUtcNow(), ct)).ToHttp();

    public static async Task<Results<Ok<Page<ListInvestigations.Item>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? state, int? page, int? pageSize, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ListInvestigations.HandleAsync(db, state, page, pageSize, time.GetUtcNow(), ct)).ToHttp();

    public static async Task<Ok<int>> OpenMissingAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await OpenInvestigation.ForCasesWithoutAsync(db, time.GetUtcNow(), ct));

    public static async Task<Results<Ok<ImportCheckIns.Imported>, ValidationProblem, ProblemHttpResult>> AddCheckInsAsync(
        CheckIns body, FangkongDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var rows = (body.Items ?? []).Select((c, i) => new ImportCheckIns.Row(
            i + 1,
            c.IdNumber ?? string.Empty,
            c.PlaceId?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
            c.CheckedInAt?.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty)).ToList();
        return (await ImportCheckIns.HandleAsync(db, rows, "items", ct)).ToHttp();
    }

    public static async Task<Results<Ok<ImportCheckIns.Imported>, ValidationProblem, ProblemHttpResult>> ImportCheckInsAsync(
        IFormFile? file, string? encoding, FangkongDbContext db, CancellationToken ct) =>
        (await UploadedCsv.ImportAsync(file, encoding, p => ImportCheckIns.HandleAsync(db, p, ct), ct)).ToHttp();
}
