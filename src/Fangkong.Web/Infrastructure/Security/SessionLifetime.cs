using System.Globalization;
using System.Security.Claims;
using Fangkong.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fangkong.Web.Infrastructure.Security;

/// <summary>
/// How long a session lives and when it ends. The cookie carries the time of sign-in (never
/// renewed) and the user's security stamp; every request checks both: past the absolute lifetime,
/// or once the stamp has changed (sign-out, <see cref="SessionEnd"/>), the cookie is refused, so
/// a copied cookie stops working when its owner signs out. The stamp is read with one primary-key
/// query per request, in place of Identity's validator that rebuilds the whole principal.
/// </summary>
public static class SessionLifetime
{
    public const string SignedInAtKey = "fk.signedInAt";

    public static void Configure(CookieAuthenticationOptions cookie, SecurityOptions options)
    {
        ArgumentNullException.ThrowIfNull(cookie);
        ArgumentNullException.ThrowIfNull(options);
        cookie.ExpireTimeSpan = options.IdleTimeout;
        cookie.SlidingExpiration = true;
        cookie.Cookie.SecurePolicy = Microsoft.AspNetCore.Http.CookieSecurePolicy.SameAsRequest;
        cookie.Events.OnSigningIn = context =>
        {
            // A refreshed sign-in keeps the properties it had, and so its original time.
            context.Properties.Items.TryAdd(SignedInAtKey, Now(context.Options).ToString("O", CultureInfo.InvariantCulture));
            return Task.CompletedTask;
        };
        cookie.Events.OnValidatePrincipal = context => ValidateAsync(context, options.AbsoluteLifetime);
    }

    private static async Task ValidateAsync(CookieValidatePrincipalContext context, TimeSpan absolute)
    {
        if (!await IsCurrentAsync(context, absolute))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
        }
    }

    private static async Task<bool> IsCurrentAsync(CookieValidatePrincipalContext context, TimeSpan absolute)
    {
        if (!context.Properties.Items.TryGetValue(SignedInAtKey, out var text)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
            || Now(context.Options) - signedInAt > absolute)
        {
            return false;
        }

        var claims = context.HttpContext.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity;
        var id = context.Principal?.FindFirstValue(claims.UserIdClaimType);
        var stamp = context.Principal?.FindFirstValue(claims.SecurityStampClaimType);
        if (id is null || stamp is null)
        {
            return false;
        }

        var db = context.HttpContext.RequestServices.GetRequiredService<FangkongDbContext>();
        var current = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.SecurityStamp).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
        return string.Equals(current, stamp, StringComparison.Ordinal);
    }

    private static DateTimeOffset Now(CookieAuthenticationOptions options) => (options.TimeProvider ?? TimeProvider.System).GetUtcNow();
}
