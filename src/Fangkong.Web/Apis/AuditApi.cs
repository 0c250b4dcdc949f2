using Fangkong.Access;
using Fangkong.Auditing;
using Fangkong.Data;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>The audit log for discipline inspectors and administrators: a keyset-paged list and a CSV export.</summary>
public static class AuditApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/audit").WithTags("Audit").RequireAuthorization(Permissions.ViewAudit);
        group.MapGet("/", ListAsync).WithName("ListAuditLog");
        group.MapGet("/export", ExportAsync).WithName("ExportAuditLog");
    }

    public static async Task<Results<Ok<ListAuditLog.Page>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? user, string? action, string? entity, DateTimeOffset? from, DateTimeOffset? to, long? before, int? pageSize,
        FangkongDbContext db, CancellationToken ct) =>
        (await ListAuditLog.HandleAsync(db, new ListAuditLog.Query(user, action, entity, from, to, before, pageSize), ct)).ToHttp();

    public static async Task<Results<FileContentHttpResult, ValidationProblem, ProblemHttpResult>> ExportAsync(
        string? user, string? action, string? entity, DateTimeOffset? from, DateTimeOffset? to, long? before,
        FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var csv = await ExportAuditLog.HandleAsync(db, new ListAuditLog.Query(user, action, entity, from, to, before, null), ct);
        if (!csv.IsSuccess)
        {
            return Common.Result<ListAuditLog.Page>.Fail(csv.Error!).ToHttp() switch
            {
                { Result: ValidationProblem v } => v,
                { Result: ProblemHttpResult p } => p,
                _ => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest),
            };
        }

        var name = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"audit-{time.GetUtcNow():yyyyMMdd-HHmmss}.csv");
        return TypedResults.File(csv.Value!, "text/csv; charset=utf-8", name);
    }
}
