using Fangkong.Access;
using Fangkong.Accountability;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>Accountability cases (追责问责): list, open, create and edit drafts, decide; and the sanction catalogue.</summary>
public static class AccountabilityApi
{
    public sealed record CatalogueEntry(SanctionMeasure Code, SanctionFamily Family, string Zh, string En, int? Months);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var cases = api.MapGroup("/accountability").WithTags("Accountability");
        cases.MapGet("/cases", ListAsync).WithName("ListAccountabilityCases").RequireAuthorization(Permissions.ViewAccountability);
        cases.MapGet("/cases/{id:long}", GetAsync).WithName("GetAccountabilityCase").RequireAuthorization(Permissions.ViewAccountability);
        cases.MapPost("/cases", CreateAsync).WithName("CreateAccountabilityCase").RequireAuthorization(Permissions.ManageAccountability);
        cases.MapPut("/cases/{id:long}", UpdateAsync).WithName("UpdateAccountabilityCase").RequireAuthorization(Permissions.ManageAccountability);
        cases.MapPost("/cases/{id:long}/decide", DecideAsync).WithName("DecideAccountabilityCase").RequireAuthorization(Permissions.ManageAccountability);
        cases.MapGet("/catalogue", Catalogue).WithName("SanctionCatalogue").RequireAuthorization(Permissions.ViewAccountability);
    }

    public static async Task<Results<Ok<Page<ListAccountabilityCases.Row>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? status, int? page, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        (await ListAccountabilityCases.HandleAsync(db, status, page, pageSize, ct)).ToHttp();

    public static async Task<Results<Ok<GetAccountabilityCase.View>, ValidationProblem, ProblemHttpResult>> GetAsync(long id, FangkongDbContext db, CancellationToken ct) =>
        (await GetAccountabilityCase.HandleAsync(db, id, ct)).ToHttp();

    public static async Task<Results<Ok<SaveAccountabilityCase.Saved>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        SaveAccountabilityCase.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await SaveAccountabilityCase.CreateAsync(db, time, body, ct)).ToHttp();

    public static async Task<Results<Ok<SaveAccountabilityCase.Saved>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        long id, SaveAccountabilityCase.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await SaveAccountabilityCase.UpdateAsync(db, time, id, body, ct)).ToHttp();

    public static async Task<Results<Ok<SaveAccountabilityCase.Saved>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        long id, DecideAccountabilityCase.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await DecideAccountabilityCase.HandleAsync(db, time, id, body, ct)).ToHttp();

    public static Ok<IReadOnlyList<CatalogueEntry>> Catalogue() =>
        TypedResults.Ok<IReadOnlyList<CatalogueEntry>>([.. SanctionCatalogue.All.Select(s => new CatalogueEntry(s.Measure, s.Family, s.Zh, s.En, s.Months))]);
}
