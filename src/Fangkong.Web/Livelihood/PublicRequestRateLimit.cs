using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;

namespace Fangkong.Web.Livelihood;

/// <summary>
/// The rate limit of the public request page's forms (/help, no sign-in; the page posts to itself):
/// posts per client address, so that the page cannot flood a community's queue or be used to guess
/// which phone made which request. Its own rejection: back to the page with a notice, not a bare 429.
/// </summary>
public sealed class PublicRequestRateLimit : IRateLimiterPolicy<string>
{
    public const string Policy = "resident-request";

    /// <summary>Posts per client address and window: a family's requests and confirmations, not a flood.</summary>
    public const int PostsPerWindow = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(10);

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = (context, _) =>
    {
        context.HttpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        context.HttpContext.Response.Headers.Location = "/help?outcome=too-many";
        return ValueTask.CompletedTask;
    };

    public RateLimitPartition<string> GetPartition(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        return HttpMethods.IsPost(httpContext.Request.Method)
            ? RateLimitPartition.GetFixedWindowLimiter(
                httpContext.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = PostsPerWindow, Window = Window, QueueLimit = 0 })
            : RateLimitPartition.GetNoLimiter("read");
    }
}
