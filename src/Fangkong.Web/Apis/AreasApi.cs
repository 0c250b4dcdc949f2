using Fangkong.Access;
using Fangkong.Areas;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>Area designations: criteria, the daily evaluation, proposals and their decisions, history, the map, and the public status.</summary>
public static class AreasApi
{
    public sealed record Evaluate(string? Scope, DateOnly? Day);

    public sealed record Decision(string? Reason, string? ApprovingBody, DateOnly? On);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var areas = api.MapGroup("/areas").WithTags("Areas");
        areas.MapGet("/criteria", CriteriaAsync).WithName("AreaCriteria").RequireAuthorization(Permissions.ViewAreas);
        areas.MapGet("/designations", DesignationsAsync).WithName("ListAreaDesignations").RequireAuthorization(Permissions.ViewAreas);
        areas.MapGet("/designations/history", HistoryAsync).WithName("AreaHistory").RequireAuthorization(Permissions.ViewAreas);
        areas.MapPost("/designations", DesignateAsync).WithName("DesignateArea").RequireAuthorization(Permissions.ApproveAreas);
        areas.MapPost("/evaluate", EvaluateAsync).WithName("EvaluateAreas").RequireAuthorization(Permissions.ManageAreas);
        areas.MapGet("/proposals", ProposalsAsync).WithName("ListAreaProposals").RequireAuthorization(Permissions.ViewAreas);
        areas.MapPost("/proposals/{id:long}/approve", ApproveAsync).WithName("ApproveAreaProposal").RequireAuthorization(Permissions.ApproveAreas);
        areas.MapPost("/proposals/{id:long}/reject", RejectAsync).WithName("RejectAreaProposal").RequireAuthorization(Permissions.ApproveAreas);
        areas.MapGet("/pool-advice", PoolAdviceAsync).WithName("AreaPoolAdvice").RequireAuthorization(Permissions.ViewAreas);
        areas.MapGet("/map", MapDataAsync).WithName("AreaMap").RequireAuthorization(Permissions.ViewAreas);
    }

    /// <summary>The public look-up: no sign-in, no personal data (see <see cref="PublicAreaStatus"/>).</summary>
    public static void MapPublic(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/api/v1/public/area-status", PublicStatusAsync).WithName("PublicAreaStatus").WithTags("Areas").AllowAnonymous();
    }

    public static async Task<Results<Ok<IReadOnlyList<AreaCriteria>>, ValidationProblem, ProblemHttpResult>> CriteriaAsync(
        string? scope, DateOnly? day, string? level, FangkongDbContext db, TimeProvider time, AreaCriteriaSettings settings, CancellationToken ct)
    {
        var on = day ?? ChinaTime.Today(time);
        var region = string.IsNullOrWhiteSpace(scope) ? db.Jurisdiction.RegionPrefix : scope;
        if (string.IsNullOrWhiteSpace(level) || level.Equals("compound", StringComparison.OrdinalIgnoreCase))
        {
            return (await EvaluateAreaCriteria.ForCompoundsAsync(db, region, on, settings, ct)).ToHttp();
        }

        return Enum.TryParse<RegionLevel>(level, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            ? (await EvaluateAreaCriteria.ForRegionsAsync(db, region, parsed, on, settings, ct)).ToHttp()
            : Result<IReadOnlyList<AreaCriteria>>.Fail(Error.Invalid("level", ErrorText.Of("error.web.level-compound-township-community", level))).ToHttp();
    }

    public static async Task<Results<Ok<Page<ListDesignations.Row>>, ValidationProblem, ProblemHttpResult>> DesignationsAsync(
        string? region, bool? all, int? page, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        (await ListDesignations.HandleAsync(db, region, all != true, page, pageSize, ct)).ToHttp();

    public static async Task<Results<Ok<IReadOnlyList<ListDesignations.Row>>, ValidationProblem, ProblemHttpResult>> HistoryAsync(
        AreaUnitKind kind, string? region, long? id, FangkongDbContext db, CancellationToken ct) =>
        (await ListDesignations.HistoryAsync(db, kind, region, id, ct)).ToHttp();

    public static async Task<Results<Ok<AreaDesignation>, ValidationProblem, ProblemHttpResult>> DesignateAsync(
        DesignateArea.Command body, FangkongDbContext db, CancellationToken ct) =>
        (await DesignateArea.HandleAsync(db, body, ct)).ToHttp();

    public static async Task<Results<Ok<ProposeAreaChanges.Summary>, ValidationProblem, ProblemHttpResult>> EvaluateAsync(
        Evaluate body, FangkongDbContext db, TimeProvider time, AreaCriteriaSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var scope = string.IsNullOrWhiteSpace(body.Scope) ? db.Jurisdiction.RegionPrefix : body.Scope;
        if (scope.Length == 0)
        {
            return Result<ProposeAreaChanges.Summary>.Fail(Error.Invalid("scope", ErrorText.Of("error.web.give-region-evaluate"))).ToHttp();
        }

        return (await ProposeAreaChanges.HandleAsync(db, time, scope, body.Day ?? ChinaTime.Today(time), settings, ct)).ToHttp();
    }

    public static async Task<Results<Ok<Page<ListAreaProposals.Row>>, ValidationProblem, ProblemHttpResult>> ProposalsAsync(
        string? status, int? page, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        (await ListAreaProposals.HandleAsync(db, status, page, pageSize, ct)).ToHttp();

    public static async Task<Results<Ok<DecideAreaProposal.Decided>, ValidationProblem, ProblemHttpResult>> ApproveAsync(
        long id, Decision body, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        return (await DecideAreaProposal.HandleAsync(db, time, new DecideAreaProposal.Command(id, true, body.Reason ?? string.Empty, body.ApprovingBody, body.On ?? ChinaTime.Today(time)), ct)).ToHttp();
    }

    public static async Task<Results<Ok<DecideAreaProposal.Decided>, ValidationProblem, ProblemHttpResult>> RejectAsync(
        long id, Decision body, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        return (await DecideAreaProposal.HandleAsync(db, time, new DecideAreaProposal.Command(id, false, body.Reason ?? string.Empty, null, body.On ?? ChinaTime.Today(time)), ct)).ToHttp();
    }

    /// <summary>The largest pool advised for swabs taken in a region (or a compound) on a day, by its designation (issue 15, rule 7).</summary>
    public static async Task<Results<Ok<AdvisePoolSize.Advice>, ValidationProblem, ProblemHttpResult>> PoolAdviceAsync(
        string? region, long? compound, DateOnly? on, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await AdvisePoolSize.HandleAsync(db, region, compound, on ?? ChinaTime.Today(time), ct)).ToHttp();

    public static async Task<Results<Ok<AreaMapData.View>, ValidationProblem, ProblemHttpResult>> MapDataAsync(string? city, FangkongDbContext db, CancellationToken ct) =>
        (await AreaMapData.HandleAsync(db, city ?? AreaMapData.DefaultCity, ct)).ToHttp();

    public static async Task<Results<Ok<IReadOnlyList<PublicAreaStatus.Place>>, ValidationProblem, ProblemHttpResult>> PublicStatusAsync(
        string? q, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await PublicAreaStatus.SearchAsync(db, q, ChinaTime.Today(time), ct)).ToHttp();
}
