using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Places;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>Key places (hospitals, nursing homes, schools, enterprises, ...) within the jurisdiction.</summary>
public static class PlacesApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/places", ListAsync).WithTags("Places").WithName("ListPlaces");
    }

    public static async Task<Results<Ok<Page<ListPlaces.Row>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        string? kind, string? region, int? page, int? pageSize, FangkongDbContext db, CancellationToken ct)
    {
        var parsed = EnumText.ParseOptional<PlaceKind>(kind, "kind");
        if (!parsed.IsSuccess)
        {
            return Result<Page<ListPlaces.Row>>.Fail(parsed.Error!).ToHttp();
        }

        return (await ListPlaces.HandleAsync(db, new ListPlaces.Query(parsed.Value, region, page, pageSize), ct)).ToHttp();
    }
}
