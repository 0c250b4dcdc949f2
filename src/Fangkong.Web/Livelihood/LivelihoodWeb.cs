using Fangkong.Web.Exports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Livelihood;

/// <summary>The residents' needs capability in the web host: one call for its services, one for its routes.</summary>
public static class LivelihoodWeb
{
    public static void AddLivelihood(IServiceCollection services)
    {
        services.AddHostedService<RequestsSweepService>();
        services.AddRateLimiter(o => o.AddPolicy<string, PublicRequestRateLimit>(PublicRequestRateLimit.Policy));
    }

    public static void Map(RouteGroupBuilder api)
    {
        RequestsApi.Map(api);
        RequestsExports.Map(api);
    }
}
