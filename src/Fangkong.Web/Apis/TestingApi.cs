using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Testing;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using System.ComponentModel.DataAnnotations;
using Fangkong.Common.Input;

namespace Fangkong.Web.Apis;

/// <summary>Mass testing: rounds, scan batches from sampling clients, lab results, coverage, positive pools.</summary>
public static class TestingApi
{
    public sealed record NewRound(string? Name, string? RegionCode, int? PoolSize, DateTimeOffset? StartsAt, [Range(0d, 7 * 24d)] double? Hours);

    public sealed record ScanBatch(IReadOnlyList<RecordScans.Scan>? Scans);

    public sealed record ResultItem(string? TubeBarcode, string? Result, double? CtN, double? CtOrf, DateTimeOffset? ReportedAt, string? Lab);

    public sealed record ResultBatch(IReadOnlyList<ResultItem>? Results);

    public sealed record ExemptionBatch(IReadOnlyList<ExemptPeople.Item>? Exemptions);

    /// <summary>
    /// The results recorded and what tracing did after their commit; <paramref name="TracingDeferred"/>
    /// says tracing failed and the sweep will finish it (the results are recorded all the same).
    /// </summary>
    public sealed record ResultsRecorded(int Results, int Unchanged, TracePools.Report Tracing, bool TracingDeferred = false);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/testing").WithTags("Testing").RequireAuthorization(Permissions.ViewTesting);
        group.MapGet("/rounds", ListRoundsAsync).WithName("ListRounds");
        group.MapPost("/rounds", CreateRoundAsync).WithName("CreateRound").RequireAuthorization(Permissions.ManageRounds);
        group.MapPost("/rounds/{id:long}/scans", RecordScansAsync).WithName("RecordScans").RequireAuthorization(Permissions.RecordSamples);
        group.MapPost("/results", RecordResultsAsync).WithName("RecordResults").RequireAuthorization(Permissions.RecordResults);
        group.MapGet("/rounds/{id:long}/coverage", CoverageAsync).WithName("RoundCoverage");
        group.MapGet("/rounds/{id:long}/positives", PositivesAsync).WithName("PositivePools");
        DoorListApi.Map(group);
        group.MapPost("/rounds/{id:long}/exemptions", ExemptAsync).WithName("ExemptPeople").RequireAuthorization(Permissions.ManageRounds);
        group.MapGet("/rounds/{id:long}/exemptions", ExemptionsAsync).WithName("ListExemptions");
        group.MapDelete("/rounds/{id:long}/exemptions/{personId:long}", RemoveExemptionAsync).WithName("RemoveExemption").RequireAuthorization(Permissions.ManageRounds);
        group.MapPost("/antigen", ReportAntigenAsync).WithName("ReportAntigen").RequireAuthorization(Permissions.RecordSamples);
        group.MapGet("/alerts", ListAlertsAsync).WithName("ListCommunityAlerts");
        group.MapPost("/alerts/{id:long}/acknowledge", AcknowledgeAlertAsync).WithName("AcknowledgeAlert").RequireAuthorization(Permissions.RecordSamples);
        group.MapGet("/points", ListPointsAsync).WithName("ListSamplingPoints");
        group.MapPost("/points", SavePointAsync).WithName("SaveSamplingPoint").RequireAuthorization(Permissions.ManageSamplingPoints);
    }

    /// <summary>The caller's communities' alerts (positive pools, invalid tubes), open ones first.</summary>
    public static async Task<Ok<ListCommunityAlerts.Answer>> ListAlertsAsync(int? page, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ListCommunityAlerts.HandleAsync(db, page, pageSize, ct));

    /// <summary>Acknowledges an alert; <c>true</c> when this call did, <c>false</c> when it already was.</summary>
    public static async Task<Results<Ok<bool>, ValidationProblem, ProblemHttpResult>> AcknowledgeAlertAsync(
        long id, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await AcknowledgeAlert.HandleAsync(db, time, id, ct)).ToHttp();

    /// <summary>Points of a region with the swabs taken at each in a round, and the planning norm.</summary>
    public static async Task<Results<Ok<ListSamplingPoints.Answer>, ValidationProblem, ProblemHttpResult>> ListPointsAsync(
        string? region, long? round, int? page, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        (await ListSamplingPoints.HandleAsync(db, region, round, page, pageSize, ct)).ToHttp();

    /// <summary>Registers a point, or updates the one of the same name in the region.</summary>
    public static async Task<Results<Ok<SamplingPointView>, ValidationProblem, ProblemHttpResult>> SavePointAsync(
        SaveSamplingPoint.Command body, FangkongDbContext db, CancellationToken ct) =>
        (await SaveSamplingPoint.HandleAsync(db, body, ct)).ToHttp();

    public static async Task<Ok<Page<ListRounds.Row>>> ListRoundsAsync(int? page, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        TypedResults.Ok(await ListRounds.HandleAsync(db, page, pageSize, ct));

    public static async Task<Results<Ok<CreateRound.Created>, ValidationProblem, ProblemHttpResult>> CreateRoundAsync(
        NewRound body, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var duration = body.Hours is { } hours ? TimeSpan.FromHours(hours) : (TimeSpan?)null;
        return (await CreateRound.HandleAsync(db, time, new CreateRound.Command(body.Name ?? string.Empty, body.RegionCode ?? string.Empty, body.PoolSize, body.StartsAt, duration), ct)).ToHttp();
    }

    public static async Task<Results<Ok<IReadOnlyList<RecordScans.ScanResult>>, ValidationProblem, ProblemHttpResult>> RecordScansAsync(
        long id, ScanBatch body, FangkongDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        return (await RecordScans.HandleAsync(db, id, body.Scans ?? [], ct)).ToHttp();
    }

    public static async Task<Results<Ok<ResultsRecorded>, ValidationProblem, ProblemHttpResult>> RecordResultsAsync(
        ResultBatch body, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        var rows = (body.Results ?? []).Select((r, i) => new RecordResults.Row(i + 1, r.TubeBarcode ?? string.Empty, r.Result ?? string.Empty, r.CtN, r.CtOrf, r.ReportedAt, r.Lab ?? string.Empty)).ToList();
        var recorded = await RecordResults.HandleAsync(db, time, rows, ct);
        if (!recorded.IsSuccess)
        {
            return Result<ResultsRecorded>.Fail(recorded.Error!).ToHttp();
        }

        // Tracing ran after the commit, as the system (ResultsRecorded → TraceRecordedResults).
        var done = recorded.Value!;
        return TypedResults.Ok(new ResultsRecorded(done.Results, done.Unchanged, done.Tracing, done.TracingDeferred));
    }

    public static async Task<Results<Ok<ReportAntigen.Reported>, ValidationProblem, ProblemHttpResult>> ReportAntigenAsync(
        ReportAntigen.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await ReportAntigen.HandleAsync(db, time, body, ct)).ToHttp();

    public static async Task<Results<Ok<IReadOnlyList<ExemptPeople.ItemResult>>, ValidationProblem, ProblemHttpResult>> ExemptAsync(
        long id, ExemptionBatch body, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        return (await ExemptPeople.HandleAsync(db, time, id, body.Exemptions ?? [], ct)).ToHttp();
    }

    public static async Task<Results<Ok<Page<ListExemptions.Row>>, ValidationProblem, ProblemHttpResult>> ExemptionsAsync(
        long id, int? page, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        (await ListExemptions.HandleAsync(db, id, page, pageSize, ct)).ToHttp();

    public static async Task<Results<Ok<RemoveExemption.Removed>, ValidationProblem, ProblemHttpResult>> RemoveExemptionAsync(
        long id, long personId, FangkongDbContext db, CancellationToken ct) =>
        (await RemoveExemption.HandleAsync(db, id, personId, ct)).ToHttp();

    public static async Task<Results<Ok<RoundCoverage.View>, ValidationProblem, ProblemHttpResult>> CoverageAsync(
        long id, string? region, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await RoundCoverage.HandleAsync(db, time, id, region, ct)).ToHttp();

    public static async Task<Results<Ok<Page<ListPositivePools.Pool>>, ValidationProblem, ProblemHttpResult>> PositivesAsync(
        long id, int? page, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        (await ListPositivePools.HandleAsync(db, id, page, pageSize, ct)).ToHttp();
}
