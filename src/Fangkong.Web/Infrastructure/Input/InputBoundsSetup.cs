using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Infrastructure.Input;

/// <summary>Wires the input bounds into the host: request size limits, form limits, and bad requests that reach the exception handler.</summary>
public static class InputBoundsSetup
{
    public static WebApplicationBuilder AddInputBounds(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var limits = builder.Configuration.GetSection(RequestLimits.Section).Get<RequestLimits>() ?? new RequestLimits();
        builder.Services.AddSingleton(limits);
        // The per-request limit is lowered by content type; Kestrel's own ceiling is the largest of them.
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = Math.Max(limits.UploadBytes, Math.Max(limits.JsonBytes, limits.FormBytes)));
        builder.Services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = limits.UploadBytes;
            o.ValueLengthLimit = limits.FormValueBytes;
        });
        // Without this, a body that does not bind is an empty 400 that names nothing; with it the
        // exception handler names the JSON path or the parameter.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.UseMiddleware<RequestBodyLimitMiddleware>();
}
