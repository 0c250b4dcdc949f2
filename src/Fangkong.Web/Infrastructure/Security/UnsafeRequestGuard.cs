using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Fangkong.Common;

namespace Fangkong.Web.Infrastructure.Security;

/// <summary>
/// Antiforgery by construction: every request with an unsafe method (POST, PUT, PATCH, DELETE)
/// that reaches an endpoint must carry a valid antiforgery token, unless it is an API request that
/// no cookie authenticates (anonymous, or a future non-cookie scheme: a cross-site page cannot make
/// a browser send those). Pages send the token as the form field their <c>&lt;AntiforgeryToken /&gt;</c>
/// renders; API clients signed in by cookie send it in the <see cref="HeaderName"/> header, from the
/// sign-in answer or GET /api/v1/session/antiforgery. It runs for every endpoint, so a new form or
/// operation cannot forget it (ADR 0014); a bad or missing token is a 400, never a 500.
/// </summary>
public sealed class UnsafeRequestGuard(RequestDelegate next, IAntiforgery antiforgery)
{
    public const string HeaderName = "X-CSRF-TOKEN";

    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!NeedsToken(context))
        {
            await next(context);
            return;
        }

        try
        {
            await antiforgery.ValidateRequestAsync(context);
        }
        catch (Exception e) when (e is AntiforgeryValidationException or InvalidDataException or BadHttpRequestException)
        {
            await RefuseAsync(context);
            return;
        }

        await next(context);
    }

    public static bool IsUnsafe(string method) =>
        !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method) || HttpMethods.IsTrace(method));

    private static bool NeedsToken(HttpContext context) =>
        IsUnsafe(context.Request.Method)
        && context.GetEndpoint() is not null
        && (!IsApi(context) || IsCookieAuthenticated(context));

    private static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    private static bool IsCookieAuthenticated(HttpContext context) =>
        context.User.Identities.Any(i => i.IsAuthenticated && i.AuthenticationType == IdentityConstants.ApplicationScheme);

    private static Task RefuseAsync(HttpContext context) =>
        IsApi(context)
            ? Results.Problem(
                title: "Antiforgery token missing or invalid",
                detail: ErrorText.Of("error.web.from-sign-answer-get-api", HeaderName),
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["field"] = HeaderName }).ExecuteAsync(context)
            : MessagePage.WriteAsync(context, StatusCodes.Status400BadRequest, "Security.FormExpiredTitle", "Security.FormExpired", "/", "Security.Home", "antiforgery-refused");
}
