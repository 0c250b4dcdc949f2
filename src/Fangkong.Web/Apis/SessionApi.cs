using Fangkong.Access;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>Sign-in for API clients (sampling terminals, scripts): POST sets the cookie, DELETE clears it.</summary>
public static class SessionApi
{
    public sealed record SignIn(string UserName, string Password);

    public static void Map(RouteGroupBuilder group)
    {
        ArgumentNullException.ThrowIfNull(group);
        group.WithTags("Session");
        group.MapPost("/", SignInAsync).WithName("SignIn").AllowAnonymous();
        group.MapDelete("/", SignOutAsync).WithName("SignOut").AllowAnonymous();
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> SignInAsync(SignIn body, SignInManager<FangkongUser> signIn)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(signIn);
        var result = await signIn.PasswordSignInAsync(body.UserName ?? string.Empty, body.Password ?? string.Empty, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            return TypedResults.NoContent();
        }

        return TypedResults.Problem(
            detail: result.IsLockedOut ? "Too many failed attempts; the account is locked for a few minutes." : "Wrong user name or password.",
            statusCode: StatusCodes.Status401Unauthorized);
    }

    public static async Task<NoContent> SignOutAsync(SignInManager<FangkongUser> signIn)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        await signIn.SignOutAsync();
        return TypedResults.NoContent();
    }
}
