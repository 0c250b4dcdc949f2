using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;

namespace Fangkong.Web.Auditing;

/// <summary>
/// Audits every authorization failure of a signed-in user (a page or an API call that their role
/// may not use), then answers as ASP.NET Core does by default (403, or a redirect for pages).
/// </summary>
internal sealed class AuditingAuthorizationResultHandler : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden && context.User.Identity?.IsAuthenticated == true && RefusalAudit.Claim(context))
        {
            await RefusalAudit.RecordAsync(context, context.GetEndpoint(), StatusCodes.Status403Forbidden, RefusalAudit.Forbidden);
        }

        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
