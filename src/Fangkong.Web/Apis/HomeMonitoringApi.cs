using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine.HomeMonitoring;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Fangkong.Common.Input;

namespace Fangkong.Web.Apis;

/// <summary>People at home (居家隔离 / 居家健康监测): the day's list and the missing check-ins, one watch, check-ins and breaches.</summary>
public static class HomeMonitoringApi
{
    public sealed record CheckInBody([Happened] DateOnly? Day, decimal? Temperature, IReadOnlyList<string>? Symptoms);

    public sealed record BreachBody([Happened] DateTimeOffset? OccurredAt, [Happened] DateTimeOffset? ReportedAt, [MultiLine] string? Description, string? ReportedBy);

    public sealed record HomeTestBody([Happened] DateTimeOffset? TakenAt, string? Result);

    public sealed record HomeReleaseBody([Happened] DateOnly? On);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var home = api.MapGroup("/home-monitoring").WithTags("HomeMonitoring");
        home.MapGet("/", ListAsync).WithName("ListHomeWatches").RequireAuthorization(Permissions.ViewHomeMonitoring);
        home.MapGet("/due-tests", DueTestsAsync).WithName("ListHomeDueTests").RequireAuthorization(Permissions.ViewHomeMonitoring);
        home.MapPost("/{id:long}/tests", RecordTestAsync).WithName("RecordHomeTest").RequireAuthorization(Permissions.RecordHomeMonitoring);
        home.MapPost("/{id:long}/release", ReleaseAsync).WithName("ReleaseHomeWatch").RequireAuthorization(Permissions.RecordHomeMonitoring);
        home.MapGet("/{id:long}", GetAsync).WithName("GetHomeWatch").RequireAuthorization(Permissions.ViewHomeMonitoring);
        home.MapPost("/open-from-orders", OpenAsync).WithName("OpenHomeWatches").RequireAuthorization(Permissions.RecordHomeMonitoring);
        home.MapPost("/{id:long}/check-ins", CheckInAsync).WithName("RecordHomeCheckIn").RequireAuthorization(Permissions.RecordHomeMonitoring);
        home.MapPost("/{id:long}/breaches", BreachAsync).WithName("RecordBreach").RequireAuthorization(Permissions.RecordHomeMonitoring);
    }

    public static async Task<Results<Ok<ListHomeWatches.Listing>, ValidationProblem, ProblemHttpResult>> ListAsync(
        DateOnly? date, string? region, string? kind, bool? missing, int? page, int? pageSize, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ListHomeWatches.HandleAsync(db, time, new ListHomeWatches.Query(date, region, kind, missing ?? false, page, pageSize), ct)).ToHttp();

    public static async Task<Results<Ok<GetHomeWatch.View>, ValidationProblem, ProblemHttpResult>> GetAsync(
        long id, FangkongDbContext db, TimeProvider time, HomeMonitoringSettings settings, CancellationToken ct) =>
        (await GetHomeWatch.HandleAsync(db, time, settings, id, ct)).ToHttp();

    public static async Task<Results<Ok<OpenHomeWatches.Opened>, ValidationProblem, ProblemHttpResult>> OpenAsync(
        FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await OpenHomeWatches.FromContactOrdersAsync(db, time, ct)).ToHttp();

    public static async Task<Results<Ok<RecordHomeCheckIn.Recorded>, ValidationProblem, ProblemHttpResult>> CheckInAsync(
        long id, CheckInBody body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await RecordHomeCheckIn.HandleAsync(db, time, new RecordHomeCheckIn.Command(id, body?.Day, body?.Temperature, body?.Symptoms), ct)).ToHttp();

    public static async Task<Results<Ok<RecordBreach.Recorded>, ValidationProblem, ProblemHttpResult>> BreachAsync(
        long id, BreachBody body, FangkongDbContext db, TimeProvider time, HomeMonitoringSettings settings, CancellationToken ct) =>
        (await RecordBreach.HandleAsync(db, time, settings, new RecordBreach.Command(id, body?.OccurredAt, body?.ReportedAt, body?.Description, body?.ReportedBy), ct)).ToHttp();

    public static async Task<Results<Ok<ListHomeDueTests.Listing>, ValidationProblem, ProblemHttpResult>> DueTestsAsync(
        DateOnly? date, string? region, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ListHomeDueTests.HandleAsync(db, time, date, region, ct)).ToHttp();

    public static async Task<Results<Ok<RecordHomeTest.Recorded>, ValidationProblem, ProblemHttpResult>> RecordTestAsync(
        long id, HomeTestBody body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await RecordHomeTest.HandleAsync(db, time, new RecordHomeTest.Command(id, body?.TakenAt, body?.Result), ct)).ToHttp();

    public static async Task<Results<Ok<ReleaseHomeWatch.Released>, ValidationProblem, ProblemHttpResult>> ReleaseAsync(
        long id, HomeReleaseBody body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ReleaseHomeWatch.HandleAsync(db, time, new ReleaseHomeWatch.Command(id, body?.On), ct)).ToHttp();
}
