using System.Text.Json;
using Fangkong.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Auditing;

/// <summary>
/// Writes the audit line of a refused request: a role without the permission (403), a write
/// outside the jurisdiction (403), or a record that the jurisdiction hides (404 on a route that
/// names a record or region — indistinguishable, by design, from a missing one).
/// </summary>
internal static class RefusalAudit
{
    private const string Recorded = "fangkong.audit.refusal";

    /// <summary>Reason of a 403 from the authorization policies.</summary>
    public const string Forbidden = "forbidden";

    /// <summary>Reason of a 403 from the jurisdiction guard, or any other 403 answer.</summary>
    public const string Refused403 = "refused";

    /// <summary>Reason of a 404 on a route with a record or region: missing, or outside the jurisdiction.</summary>
    public const string Hidden = "not-found-or-outside-jurisdiction";

    /// <summary>True the first time per request, so that a re-executed error page does not record it twice.</summary>
    public static bool Claim(HttpContext context)
    {
        if (context.Items.ContainsKey(Recorded))
        {
            return false;
        }

        context.Items[Recorded] = true;
        return true;
    }

    public static async Task RecordAsync(HttpContext context, Endpoint? endpoint, int status, string reason)
    {
        var pattern = (endpoint as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? string.Empty;
        var detail = JsonSerializer.Serialize(new
        {
            status,
            reason,
            method = context.Request.Method,
            path = context.Request.Path.Value,
            query = context.Request.QueryString.Value,
        });
        // A context of its own: the request's may be mid-query when the response starts.
        await using var db = ActivatorUtilities.CreateInstance<FangkongDbContext>(context.RequestServices);
        await db.AuditRefusedAsync($"{context.Request.Method} {pattern}", context.Request.Path.Value ?? string.Empty, detail, null, CancellationToken.None);
    }
}
