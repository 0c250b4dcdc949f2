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
        catch (Exception e) when (Unreadable(e) is { } cause)
        {
            // The form itself could not be read (e.g. a NUL in a value, or a malformed body; the token
            // store wraps that in an AntiforgeryValidationException): saying "the form has expired"
            // would send the user to reload a page whose input will fail again.
            await RefuseUnreadableAsync(context, cause is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status400BadRequest);
            return;
        }
        catch (AntiforgeryValidationException)
        {
            await RefuseAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>The reading failure behind <paramref name="e"/>, if the body could not be read at all.</summary>
    private static Exception? Unreadable(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is InvalidDataException or BadHttpRequestException)
            {
                return x;
            }
        }

        return null;
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

    private static Task RefuseUnreadableAsync(HttpContext context, int status) =>
        IsApi(context)
            ? Results.Problem(
                title: "Request body unreadable",
                detail: Fangkong.Common.ErrorText.Of("error.web.body-unreadable").Render(),
                statusCode: status,
                extensions: new Dictionary<string, object?> { ["code"] = "error.web.body-unreadable" }).ExecuteAsync(context)
            : MessagePage.WriteAsync(context, status, "Security.FormExpiredTitle", "Security.FormUnreadable", "/", "Security.Home", "form-unreadable");

    private static Task RefuseAsync(HttpContext context) =>
        IsApi(context)
            ? Results.Problem(
                title: "Antiforgery token missing or invalid",
                detail: ErrorText.Of("error.web.from-sign-answer-get-api", HeaderName),
                statusCode: StatusCodes.Status400BadRequest,
                extensions: new Dictionary<string, object?> { ["field"] = HeaderName }).ExecuteAsync(context)
            : MessagePage.WriteAsync(context, StatusCodes.Status400BadRequest, "Security.FormExpiredTitle", "Security.FormExpired", "/", "Security.Home", "antiforgery-refused");
}
