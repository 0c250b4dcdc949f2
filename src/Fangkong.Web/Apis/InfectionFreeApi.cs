using Fangkong.Access;
using Fangkong.Areas;
using Fangkong.Data;
using Fangkong.InfectionFree;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>Infection-free compounds and villages: apply (community), review (township), register (county), list with notices.</summary>
public static class InfectionFreeApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var labels = api.MapGroup("/infection-free").WithTags("InfectionFree");
        labels.MapGet("/", ListAsync).WithName("ListInfectionFree").RequireAuthorization(Permissions.ViewInfectionFree);
        labels.MapPost("/", ApplyAsync).WithName("ApplyInfectionFree").RequireAuthorization(Permissions.ManageInfectionFree);
        labels.MapPost("/{id:long}/review", ReviewAsync).WithName("ReviewInfectionFree").RequireAuthorization(Permissions.ManageInfectionFree);
        labels.MapPost("/{id:long}/register", RegisterAsync).WithName("RegisterInfectionFree").RequireAuthorization(Permissions.ManageInfectionFree);
    }

    public static async Task<Results<Ok<ListLabels.View>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? status, int? page, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        (await ListLabels.HandleAsync(db, status, page, pageSize, ct)).ToHttp();

    public static async Task<Results<Ok<LabelSteps.Step>, ValidationProblem, ProblemHttpResult>> ApplyAsync(
        LabelSteps.Apply body, FangkongDbContext db, TimeProvider time, AreaCriteriaSettings criteria, CancellationToken ct) =>
        (await LabelSteps.ApplyAsync(db, time, body, criteria, ct)).ToHttp();

    public static async Task<Results<Ok<LabelSteps.Step>, ValidationProblem, ProblemHttpResult>> ReviewAsync(
        long id, FangkongDbContext db, TimeProvider time, AreaCriteriaSettings criteria, CancellationToken ct) =>
        (await LabelSteps.ReviewAsync(db, time, id, criteria, ct)).ToHttp();

    public static async Task<Results<Ok<LabelSteps.Step>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        long id, FangkongDbContext db, TimeProvider time, AreaCriteriaSettings criteria, CancellationToken ct) =>
        (await LabelSteps.RegisterAsync(db, time, id, criteria, ct)).ToHttp();
}
