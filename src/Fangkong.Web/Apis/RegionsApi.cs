using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;
using Fangkong.Residences;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>The region tree within the caller's jurisdiction, with resident counts.</summary>
public static class RegionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/regions").WithTags("Regions");
        group.MapGet("/", BrowseRootAsync).WithName("BrowseRegionRoot");
        group.MapGet("/{code}", BrowseAsync).WithName("BrowseRegion");
        group.MapGet("/{code}/compounds", CompoundsAsync).WithName("ListCompounds");
    }

    public static async Task<Results<Ok<BrowseRegions.View>, ValidationProblem, ProblemHttpResult>> BrowseRootAsync(FangkongDbContext db, CancellationToken ct) =>
        (await BrowseRegions.HandleAsync(db, null, ct)).ToHttp();

    public static async Task<Results<Ok<Page<ListCompounds.Row>>, ValidationProblem, ProblemHttpResult>> CompoundsAsync(
        string code, int? page, int? pageSize, FangkongDbContext db, CancellationToken ct) =>
        (await ListCompounds.HandleAsync(db, code, page, pageSize, ct)).ToHttp();

    public static async Task<Results<Ok<BrowseRegions.View>, ValidationProblem, ProblemHttpResult>> BrowseAsync(string code, FangkongDbContext db, CancellationToken ct) =>
        (await BrowseRegions.HandleAsync(db, code, ct)).ToHttp();
}
