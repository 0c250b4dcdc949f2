using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Fangkong.Common.Settings;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Infrastructure.Input;

/// <summary>Wires the input bounds into the host: request size limits, form limits, and bad requests that reach the exception handler.</summary>
public static class InputBoundsSetup
{
    public static WebApplicationBuilder AddInputBounds(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSettings<RequestLimits>(builder.Configuration, RequestLimits.Section);
        builder.Services.AddSingleton(sp => sp.GetRequiredService<IOptions<RequestLimits>>().Value);
        // The per-request limit is lowered by content type; Kestrel's own ceiling is the largest of them.
        builder.Services.AddOptions<KestrelServerOptions>().Configure<IOptions<RequestLimits>>((k, limits) =>
            k.Limits.MaxRequestBodySize = Math.Max(limits.Value.UploadBytes, Math.Max(limits.Value.JsonBytes, limits.Value.FormBytes)));
        builder.Services.AddOptions<FormOptions>().Configure<IOptions<RequestLimits>>((o, limits) =>
        {
            o.MultipartBodyLengthLimit = limits.Value.UploadBytes;
            o.ValueLengthLimit = limits.Value.FormValueBytes;
        });
        // Without this, a body that does not bind is an empty 400 that names nothing; with it the
        // exception handler names the JSON path or the parameter.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return builder;
    }

    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.UseMiddleware<RequestBodyLimitMiddleware>();
}
