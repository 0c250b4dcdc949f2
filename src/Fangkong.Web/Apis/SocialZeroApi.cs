using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.SocialZero;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>Social-level zero: the daily series and status of a county or city, the day's classifications, populations.</summary>
public static class SocialZeroApi
{
    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var zero = api.MapGroup("/social-zero").WithTags("SocialZero");
        zero.MapGet("/", SeriesAsync).WithName("SocialZeroSeries").RequireAuthorization(Permissions.ViewSocialZero);
        zero.MapGet("/classifications", ClassificationsAsync).WithName("CaseClassifications").RequireAuthorization(Permissions.ViewSocialZero);
        zero.MapPut("/populations", SetPopulationAsync).WithName("SetRegionPopulation").RequireAuthorization(Permissions.ManageSocialZero);
    }

    public static async Task<Results<Ok<SocialZeroSeries.Series>, ValidationProblem, ProblemHttpResult>> SeriesAsync(
        string? region, DateOnly? from, DateOnly? to, FangkongDbContext db, TimeProvider time, SocialZeroSettings settings, CancellationToken ct)
    {
        var end = to ?? ChinaTime.Today(time);
        return (await SocialZeroSeries.HandleAsync(db, region, from ?? end.AddDays(-13), end, settings, ct)).ToHttp();
    }

    public static async Task<Results<Ok<Page<ListClassifications.Row>>, ValidationProblem, ProblemHttpResult>> ClassificationsAsync(
        string? region, DateOnly? day, int? page, int? pageSize, FangkongDbContext db, TimeProvider time, CancellationToken ct)
    {
        var code = Regions.RegionCode.Normalise(region) ?? db.Jurisdiction.RegionPrefix;
        return Result<Page<ListClassifications.Row>>.Ok(await ListClassifications.HandleAsync(db, code, day ?? ChinaTime.Today(time), page, pageSize, ct)).ToHttp();
    }

    public static async Task<Results<Ok<SetPopulation.Set>, ValidationProblem, ProblemHttpResult>> SetPopulationAsync(
        SetPopulation.Command body, FangkongDbContext db, TimeProvider time, CancellationToken ct) =>
        (await SetPopulation.HandleAsync(db, time, body, ct)).ToHttp();
}
