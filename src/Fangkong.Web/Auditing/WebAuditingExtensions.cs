using Fangkong.Auditing;
using Fangkong.Common.Settings;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Auditing;

/// <summary>The web host's audit set-up, in one place so that the host file changes by two lines.</summary>
public static class WebAuditingExtensions
{
    /// <summary>The background audit writer, the client's address on each line, and audited authorization failures.</summary>
    public static IServiceCollection AddFangkongWebAuditing(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSettings<AuditOptions>(configuration, AuditOptions.Section);
        services.AddFangkongAuditQueue();
        services.AddScoped<IClientInfoAccessor, HttpClientInfoAccessor>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, AuditingAuthorizationResultHandler>();
        return services;
    }

    /// <summary>After authorization: audits 403 and hidden-record 404 answers.</summary>
    public static IApplicationBuilder UseRefusalAudit(this IApplicationBuilder app) => app.Use(RefusalAuditMiddleware.InvokeAsync);
}
