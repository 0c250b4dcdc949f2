using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>
/// Sign-in for API clients (sampling terminals, scripts): POST sets the cookie and answers the
/// antiforgery token in the X-CSRF-TOKEN header, which every later unsafe request signed in by
/// that cookie must send back; DELETE ends the session on the server.
/// </summary>
public static class SessionApi
{
    public sealed record SignIn(string UserName, string Password);

    public sealed record AntiforgeryToken(string HeaderName, string Token);

    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Session");
        // A JSON body only: a cross-site form cannot send application/json without the browser asking
        // first, so nobody can sign a victim's browser in to the attacker's account (login CSRF).
        group.MapPost("/", SignInAsync).WithName("SignIn").AllowAnonymous();
        group.MapDelete("/", SignOutAsync).WithName("SignOut").AllowAnonymous();
        group.MapGet("/antiforgery", GetAntiforgeryToken).WithName("GetAntiforgeryToken").RequireAuthorization();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SignInAsync(
        SignIn body, PasswordSignIn signIn, IAntiforgery antiforgery, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(antiforgery);
        ArgumentNullException.ThrowIfNull(http);
        var outcome = await signIn.SignInAsync(body.UserName, body.Password, http);
        if (outcome.Principal is { } principal)
        {
            // The token is bound to the user, so it is made for the principal just signed in.
            http.User = principal;
            http.Response.Headers[UnsafeRequestGuard.HeaderName] = antiforgery.GetAndStoreTokens(http).RequestToken;
            return TypedResults.NoContent();
        }

        if (outcome.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = Seconds(wait);
            return CodedProblem(SignInOutcome.ThrottledCode, StatusCodes.Status429TooManyRequests);
        }

        return CodedProblem(SignInOutcome.FailureCode, StatusCodes.Status401Unauthorized);
    }

    /// <summary>The text in the request's language, and its code for clients that act on it.</summary>
    private static ProblemHttpResult CodedProblem(string code, int status) =>
        TypedResults.Problem(detail: ErrorText.Of(code).Render(), statusCode: status, extensions: new Dictionary<string, object?> { ["code"] = code });

    public static async Task<NoContent> SignOutAsync(HttpContext http, SignInManager<FangkongUser> signIn)
    {
        await SessionEnd.SignOutAsync(http, signIn);
        return TypedResults.NoContent();
    }

    /// <summary>A fresh token for a client that holds a session cookie but lost the token from its sign-in.</summary>
    public static Ok<AntiforgeryToken> GetAntiforgeryToken(IAntiforgery antiforgery, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(antiforgery);
        var tokens = antiforgery.GetAndStoreTokens(http);
        return TypedResults.Ok(new AntiforgeryToken(UnsafeRequestGuard.HeaderName, tokens.RequestToken!));
    }

    internal static string Seconds(TimeSpan wait) =>
        ((long)Math.Ceiling(Math.Max(1, wait.TotalSeconds))).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
