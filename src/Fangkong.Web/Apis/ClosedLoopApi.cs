using Fangkong.Access;
using Fangkong.ClosedLoop;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>Closed loops: groups, members, test compliance from the samples, breaches for supervision.</summary>
public static class ClosedLoopApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var loops = api.MapGroup("/closed-loops").WithTags("ClosedLoop");
        loops.MapGet("/", ListAsync).WithName("ListClosedLoops").RequireAuthorization(Permissions.ViewClosedLoop);
        loops.MapPost("/", CreateAsync).WithName("CreateClosedLoop").RequireAuthorization(Permissions.ManageClosedLoop);
        loops.MapPost("/{id:long}/members", AddMemberAsync).WithName("AddClosedLoopMember").RequireAuthorization(Permissions.ManageClosedLoop);
        loops.MapGet("/{id:long}/compliance", ComplianceAsync).WithName("ClosedLoopCompliance").RequireAuthorization(Permissions.ViewClosedLoop);
        loops.MapPost("/breaches/detect", DetectAsync).WithName("DetectClosedLoopBreaches").RequireAuthorization(Permissions.ManageClosedLoop);
        loops.MapGet("/breaches", BreachesAsync).WithName("ListClosedLoopBreaches").RequireAuthorization(Permissions.ViewClosedLoop);
    }

    public static async Task<Ok<IReadOnlyList<ListGroups.Row>>> ListAsync(FangkongDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ListGroups.HandleAsync(db, ct));

    public static async Task<Results<Ok<CreateGroup.Created>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateGroup.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await CreateGroup.HandleAsync(db, time, body, ct)).ToHttp();

    public static async Task<Results<Ok<AddMember.Added>, ValidationProblem, ProblemHttpResult>> AddMemberAsync(
        long id, AddMember.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await AddMember.HandleAsync(db, time, id, body, ct)).ToHttp();

    public static async Task<Results<Ok<CheckCompliance.Report>, ValidationProblem, ProblemHttpResult>> ComplianceAsync(
        long id, DateOnly? day, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await CheckCompliance.HandleAsync(db, id, day ?? ChinaTime.Today(time), asOf: time.GetUtcNow(), ct: ct)).ToHttp();

    public static async Task<Results<Ok<DetectBreaches.Detected>, ValidationProblem, ProblemHttpResult>> DetectAsync(
        DateOnly? day, long? group, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await DetectBreaches.HandleAsync(db, time, day ?? ChinaTime.Today(time), group, ct)).ToHttp();

    public static async Task<Ok<Page<ListBreaches.Row>>> BreachesAsync(long? group, int? page, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ListBreaches.HandleAsync(db, group, page, pageSize, ct));
}
