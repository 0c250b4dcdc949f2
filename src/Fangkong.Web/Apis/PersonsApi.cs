using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Persons;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>The resident register: search, one record (audited), and the health-code colour.</summary>
public static class PersonsApi
{
    public sealed record HealthCodeChange(string? HealthCode);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/persons").WithTags("Persons").RequireAuthorization(Permissions.ViewPersons);
        group.MapGet("/", SearchAsync).WithName("SearchPersons");
        group.MapGet("/{id:long}", GetAsync).WithName("GetPerson");
        group.MapGet("/{id:long}/household", GetHouseholdAsync).WithName("GetHousehold");
        group.MapPut("/{id:long}/health-code", SetHealthCodeAsync).WithName("SetHealthCode").RequireAuthorization(Permissions.EditHealthCode);
    }

    public static async Task<Results<Ok<Page<PersonView>>, ValidationProblem, ProblemHttpResult>> SearchAsync(
        string? q, string? region, int? page, int? pageSize, long? after, FangkongDbContext db, NumberSearchLimiter limiter, CancellationToken ct) =>
        (await SearchPersons.HandleAsync(db, limiter, new SearchPersons.Query(q, region, page, pageSize, after), ct)).ToHttp();

    public static async Task<Results<Ok<PersonView>, ValidationProblem, ProblemHttpResult>> GetAsync(long id, FangkongDbContext db, CancellationToken ct) =>
        (await GetPerson.HandleAsync(db, id, ct)).ToHttp();

    public static async Task<Results<Ok<IReadOnlyList<PersonView>>, ValidationProblem, ProblemHttpResult>> GetHouseholdAsync(long id, FangkongDbContext db, CancellationToken ct)
    {
        var person = await GetPerson.HandleAsync(db, id, ct);
        return person.IsSuccess
            ? TypedResults.Ok(await ListHousehold.HandleAsync(db, person.Value!, ct))
            : Result<IReadOnlyList<PersonView>>.Fail(person.Error!).ToHttp();
    }

    public static async Task<Results<Ok<PersonView>, ValidationProblem, ProblemHttpResult>> SetHealthCodeAsync(
        long id, HealthCodeChange body, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        return (await SetHealthCode.HandleAsync(db, time, id, body.HealthCode, ct)).ToHttp();
    }
}
