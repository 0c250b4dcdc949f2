using System.Globalization;
using Fangkong.Access;
using Fangkong.Cases.Clusters;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Fangkong.Common.Input;

namespace Fangkong.Web.Apis;

/// <summary>Clusters (聚集性疫情, issue 4 item 6): list, detail, transmission chain, detection on demand, case–place/household links.</summary>
public static class ClustersApi
{
    public sealed record Link(string? CaseNo, long? PlaceId, string? HouseholdNo, [Happened] DateOnly? On, string? Source);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var clusters = api.MapGroup("/clusters").WithTags("Clusters").RequireAuthorization(Permissions.ViewCases);
        clusters.MapGet("/", ListAsync).WithName("ListClusters");
        clusters.MapGet("/{id:long}", GetAsync).WithName("GetCluster");
        clusters.MapGet("/{id:long}/chain", ChainAsync).WithName("GetClusterChain");
        clusters.MapPost("/detect", DetectAsync).WithName("DetectClusters").RequireAuthorization(Permissions.ManageCases);
        clusters.MapPost("/links", LinkAsync).WithName("RecordCaseLink").RequireAuthorization(Permissions.ManageCases);
    }

    /// <summary>Today in China (UTC+8): the default date of a detection.</summary>
    public static DateOnly Today(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        return ChinaTime.Today(time);
    }

    public static async Task<Results<Ok<Page<ListClusters.Row>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? placeKind, bool? nosocomial, string? region, int? page, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        (await ListClusters.HandleAsync(db, new ListClusters.Query(placeKind, nosocomial, region, page, pageSize), ct)).ToHttp();

    public static async Task<Results<Ok<GetCluster.Detail>, ValidationProblem, ProblemHttpResult>> GetAsync(long id, FangkongDbContext db, CancellationToken ct) =>
        (await GetCluster.HandleAsync(db, id, ct)).ToHttp();

    public static async Task<Results<Ok<BuildChain.Chain>, ValidationProblem, ProblemHttpResult>> ChainAsync(long id, FangkongDbContext db, CancellationToken ct) =>
        (await BuildChain.HandleAsync(db, id, ct)).ToHttp();

    public static async Task<Results<Ok<DetectClusters.Detected>, ValidationProblem, ProblemHttpResult>> DetectAsync(
        string? date, FangkongDbContext db, ClusterSettings settings, TimeProvider time, CancellationToken ct)
    {
        var day = DetectClusters.ParseDate(date, Today(time));
        if (!day.IsSuccess)
        {
            return Result<DetectClusters.Detected>.Fail(day.Error!).ToHttp();
        }

        return (await DetectClusters.HandleAsync(db, new DetectClusters.Command(day.Value, settings), ct)).ToHttp();
    }

    public static async Task<Results<Ok<RecordCaseLink.Recorded>, ValidationProblem, ProblemHttpResult>> LinkAsync(Link body, FangkongDbContext db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(body);
        return (await RecordCaseLink.HandleAsync(db, new RecordCaseLink.Command(body.CaseNo, body.PlaceId, body.HouseholdNo, body.On, body.Source), ct)).ToHttp();
    }
}
