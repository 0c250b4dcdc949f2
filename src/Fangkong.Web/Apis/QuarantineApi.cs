using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine.Allocation;
using Fangkong.Quarantine.Capacity;
using Fangkong.Quarantine.Sites;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>Quarantine sites and hospitals, occupancy and capacity forecast, the allocation queue and runs, central-quarantine decisions and dependants.</summary>
public static class QuarantineApi
{
    public sealed record Allocated(long RunId, int Waiting, int Placed, int Unplaced, string Summary, double Seconds);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/quarantine").WithTags("Quarantine");
        group.MapGet("/sites", SitesAsync).WithName("ListQuarantineSites").RequireAuthorization(Permissions.ViewQuarantine);
        group.MapPost("/sites", SaveSiteAsync).WithName("SaveQuarantineSite").RequireAuthorization(Permissions.ManageQuarantineSites);
        group.MapGet("/capacity", CapacityAsync).WithName("QuarantineCapacity").RequireAuthorization(Permissions.ViewQuarantine);
        group.MapGet("/waiting", WaitingAsync).WithName("QuarantineWaiting").RequireAuthorization(Permissions.ViewQuarantine);
        group.MapPost("/allocate", AllocateAsync).WithName("RunAllocation").RequireAuthorization(Permissions.RunAllocation);
        group.MapPost("/central-decisions", DecideAsync).WithName("DecideCentralQuarantine").RequireAuthorization(Permissions.DecideQuarantine);
        group.MapPost("/dependants", DeclareAsync).WithName("DeclareDependant").RequireAuthorization(Permissions.DecideQuarantine);
    }

    public static async Task<Ok<IReadOnlyList<SiteOccupancy>>> SitesAsync(FangkongDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await SiteOccupancy.ReadAsync(db, ct));

    public static async Task<Results<Ok<SaveSite.Saved>, ValidationProblem, ProblemHttpResult>> SaveSiteAsync(
        SaveSite.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await SaveSite.HandleAsync(db, time, body, ct)).ToHttp();

    public static async Task<Results<Ok<ForecastCapacity.View>, ValidationProblem, ProblemHttpResult>> CapacityAsync(
        int? roomsPer10000, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        if (roomsPer10000 is < 1 or > 1000)
        {
            return Result<ForecastCapacity.View>.Fail(Error.Invalid("roomsPer10000", ErrorText.Of("error.web.roomsper"))).ToHttp();
        }

        return TypedResults.Ok(await ForecastCapacity.HandleAsync(db, time, roomsPer10000 ?? ForecastCapacity.DefaultRoomsPer10000, ct));
    }

    public static async Task<Ok<ListWaiting.View>> WaitingAsync(int? page, int? pageSize, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        TypedResults.Ok(await ListWaiting.HandleAsync(db, time, page, pageSize, ct));

    public static async Task<Results<Ok<Allocated>, ValidationProblem, ProblemHttpResult>> AllocateAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var run = await RunAllocation.HandleAsync(db, time, ct);
        return (run.IsSuccess
            ? Result<Allocated>.Ok(new Allocated(run.Value!.RunId, run.Value.Waiting, run.Value.Placed, run.Value.Unplaced, run.Value.Summary, Math.Round(run.Value.Seconds, 3)))
            : Result<Allocated>.Fail(run.Error!)).ToHttp();
    }

    public static async Task<Results<Ok<DecideCentralQuarantine.Decided>, ValidationProblem, ProblemHttpResult>> DecideAsync(
        DecideCentralQuarantine.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await DecideCentralQuarantine.HandleAsync(db, time, body, ct)).ToHttp();

    public static async Task<Results<Ok<DeclareDependant.Declared>, ValidationProblem, ProblemHttpResult>> DeclareAsync(
        DeclareDependant.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await DeclareDependant.HandleAsync(db, time, body, ct)).ToHttp();
}
