using Fangkong.Access;
using Fangkong.Web.Infrastructure.Security;
using Fangkong.Common.Input;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>The pages' form posts: sign in, sign out, and the language switch.</summary>
public static class AccountEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/account/login", LoginAsync).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/account/logout", LogoutAsync).ExcludeFromDescription();
        app.MapGet("/culture", SetCulture).AllowAnonymous().ExcludeFromDescription();
    }

    public static async Task<IResult> LoginAsync(
        [FromForm(Name = "userName")] string? userName,
        [FromForm(Name = "password")] string? password,
        [FromForm(Name = "returnUrl")][RawInput] string? returnUrl,
        PasswordSignIn signIn,
        HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(signIn);
        ArgumentNullException.ThrowIfNull(http);
        var target = LocalOrHome(returnUrl);
        var outcome = await signIn.SignInAsync(userName, password, http);
        if (outcome.Succeeded)
        {
            return Results.LocalRedirect(target);
        }

        if (outcome.RetryAfter is { } wait)
        {
            http.Response.Headers.RetryAfter = SessionApi.Seconds(wait);
            return new ThrottledPage();
        }

        // One message for every failure: the page must not tell whether the account exists.
        return Results.LocalRedirect($"/login?failed=1&returnUrl={Uri.EscapeDataString(target)}");
    }

    public static async Task<IResult> LogoutAsync(HttpContext http, SignInManager<FangkongUser> signIn)
    {
        await SessionEnd.SignOutAsync(http, signIn);
        return Results.LocalRedirect("/login");
    }

    /// <summary>429 with a page that says to wait, and a way back to the sign-in form.</summary>
    private sealed class ThrottledPage : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => MessagePage.WriteAsync(
            httpContext, StatusCodes.Status429TooManyRequests, "Security.ThrottledTitle", "Security.Throttled", "/login", "Security.BackToLogin", "login-throttled");
    }

    public static IResult SetCulture(string? name, [RawInput] string? returnUrl, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var culture = FangkongWebApp.Cultures.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
            ?? FangkongWebApp.Cultures[0];
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax });
        return Results.LocalRedirect(LocalOrHome(returnUrl));
    }

    // Only local paths: a crafted returnUrl must never send a user to another site. Browsers drop
    // tabs and line breaks from URLs, so "/\t/evil.example" would become "//evil.example": any control
    // character or backslash sends the user home instead (and LocalRedirect would throw on it).
    private static string LocalOrHome(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.Contains('\\', StringComparison.Ordinal) && !url.Any(char.IsControl) && url.Length <= 2000
            ? url
            : "/";
}
