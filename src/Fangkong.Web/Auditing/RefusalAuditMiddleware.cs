using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Auditing;

/// <summary>
/// Audits 403 and 404 answers after authorization: a write refused by the jurisdiction guard, or
/// a record the jurisdiction hides. The line is written when the response starts, before the
/// client can see the answer, and with the endpoint captured before an error handler clears it.
/// </summary>
internal static class RefusalAuditMiddleware
{
    public static async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var endpoint = context.GetEndpoint();
        if (context.User.Identity?.IsAuthenticated == true && endpoint is RouteEndpoint route)
        {
            var namesARecord = route.RoutePattern.Parameters.Count > 0;
            context.Response.OnStarting(() =>
            {
                var status = context.Response.StatusCode;
                var reason = status switch
                {
                    StatusCodes.Status403Forbidden => RefusalAudit.Refused403,
                    StatusCodes.Status404NotFound when namesARecord => RefusalAudit.Hidden,
                    _ => null,
                };
                return reason is not null && RefusalAudit.Claim(context)
                    ? RefusalAudit.RecordAsync(context, endpoint, status, reason)
                    : Task.CompletedTask;
            });
        }

        await next(context);
    }
}
