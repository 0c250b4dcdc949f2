using System.Security.Claims;
using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Supervision.Inspections;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Fangkong.Common.Input;

namespace Fangkong.Web.Apis;

/// <summary>Inspections (督导检查) and their checklists: plan, start, record an item, complete; list and edit checklist templates.</summary>
public static class InspectionsApi
{
    public sealed record Summary([MultiLine] string? Value);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var inspections = api.MapGroup("/inspections").WithTags("Supervision");
        inspections.MapGet("/", ListAsync).WithName("ListInspections").RequireAuthorization(Permissions.ViewSupervision);
        inspections.MapGet("/{id:long}", GetAsync).WithName("GetInspection").RequireAuthorization(Permissions.ViewSupervision);
        inspections.MapPost("/", PlanAsync).WithName("PlanInspection").RequireAuthorization(Permissions.ConductInspections);
        inspections.MapPost("/{id:long}/start", StartAsync).WithName("StartInspection").RequireAuthorization(Permissions.ConductInspections);
        inspections.MapPost("/{id:long}/results", RecordAsync).WithName("RecordInspectionResult").RequireAuthorization(Permissions.ConductInspections);
        inspections.MapPost("/{id:long}/complete", CompleteAsync).WithName("CompleteInspection").RequireAuthorization(Permissions.ConductInspections);
        var checklists = api.MapGroup("/checklists").WithTags("Supervision");
        checklists.MapGet("/", ChecklistsAsync).WithName("ListChecklists").RequireAuthorization(Permissions.ViewSupervision);
        checklists.MapGet("/{id:long}", ChecklistAsync).WithName("GetChecklist").RequireAuthorization(Permissions.ViewSupervision);
        checklists.MapPut("/{key}", EditChecklistAsync).WithName("EditChecklist").RequireAuthorization(Permissions.ManageChecklists);
    }

    public static async Task<Ok<Page<ListInspections.Row>>> ListAsync(
        InspectionStatus? status, InspectionKind? kind, bool? mine, int? page, int? pageSize, ClaimsPrincipal user, FangkongDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ListInspections.HandleAsync(db, new ListInspections.Query(status, kind, mine ?? false, page, pageSize), SupervisionApi.Conducts(user), ct));

    public static async Task<Results<Ok<GetInspection.Detail>, ValidationProblem, ProblemHttpResult>> GetAsync(long id, ClaimsPrincipal user, FangkongDbContext db, CancellationToken ct) =>
        (await GetInspection.HandleAsync(db, id, SupervisionApi.Conducts(user), ct)).ToHttp();

    public static async Task<Results<Ok<PlanInspection.Planned>, ValidationProblem, ProblemHttpResult>> PlanAsync(
        PlanInspection.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await PlanInspection.HandleAsync(db, time, body, ct)).ToHttp();

    public static async Task<Results<Ok<InspectionStatus>, ValidationProblem, ProblemHttpResult>> StartAsync(long id, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ConductInspection.StartAsync(db, time, id, ct)).ToHttp();

    public static async Task<Results<Ok<ConductInspection.Recorded>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        long id, ConductInspection.Record body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ConductInspection.RecordAsync(db, time, body with { InspectionId = id }, ct)).ToHttp();

    public static async Task<Results<Ok<InspectionStatus>, ValidationProblem, ProblemHttpResult>> CompleteAsync(
        long id, Summary body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ConductInspection.CompleteAsync(db, time, id, body?.Value, ct)).ToHttp();

    public static async Task<Ok<IReadOnlyList<Checklists.TemplateRow>>> ChecklistsAsync(string? key, FangkongDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await Checklists.ListAsync(db, key, ct));

    public static async Task<Results<Ok<Checklists.TemplateDetail>, ValidationProblem, ProblemHttpResult>> ChecklistAsync(long id, FangkongDbContext db, CancellationToken ct) =>
        (await Checklists.GetAsync(db, id, ct)).ToHttp();

    public static async Task<Results<Ok<Checklists.TemplateDetail>, ValidationProblem, ProblemHttpResult>> EditChecklistAsync(
        string key, Checklists.Edit body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await Checklists.EditAsync(db, time, body with { Key = key }, ct)).ToHttp();
}
