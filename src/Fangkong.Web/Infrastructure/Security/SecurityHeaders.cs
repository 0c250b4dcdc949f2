using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Fangkong.Web.Infrastructure.Security;

/// <summary>
/// Headers on every response, errors included (set as the response starts, after any handler).
/// The policy allows scripts and styles from the app's own files only; style attributes stay
/// allowed (style-src-attr), as pages size cards and bars with them and an attribute cannot run
/// code. HSTS goes only on requests that came over TLS (directly, or through a trusted proxy).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    private readonly string _hsts = $"max-age={(long)options.Value.HstsMaxAge.TotalSeconds}";

    public Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "same-origin";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            if (context.Request.IsHttps)
            {
                headers.StrictTransportSecurity = _hsts;
            }

            return Task.CompletedTask;
        });
        return next(context);
    }
}
