using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Apis;

/// <summary>
/// The rate limit of the public antigen page's form (/antigen, no sign-in; the page posts to itself):
/// attempts per client address, so that phone numbers cannot be guessed.
/// </summary>
public static class AntigenRateLimit
{
    public const string RateLimitPolicy = "resident-antigen";

    /// <summary>Attempts per client address and window: enough for a family, too few to guess phone numbers.</summary>
    public const int AttemptsPerWindow = 20;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public static void AddRateLimits(IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            // The page's posts are limited, not its reading.
            o.AddPolicy(RateLimitPolicy, http => HttpMethods.IsPost(http.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = AttemptsPerWindow, Window = Window, QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("read"));
            o.OnRejected = (context, _) =>
            {
                // A page, not a bare 429: the resident learns to wait.
                context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
                context.HttpContext.Response.Headers.Location = "/antigen?outcome=too-many";
                return ValueTask.CompletedTask;
            };
        });
}
