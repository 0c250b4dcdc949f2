using Fangkong.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Fangkong.Web.Infrastructure.Security;

/// <summary>
/// Signing out ends the session on the server: the user's security stamp changes, so every
/// cookie issued before (a copy included) fails <see cref="SessionLifetime"/>'s check on its next
/// request. This signs out the user's other sessions too (see ADR 0014 for why that is accepted).
/// </summary>
public static class SessionEnd
{
    public static async Task SignOutAsync(HttpContext http, SignInManager<FangkongUser> signIn)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(signIn);
        if (http.User.Identity?.IsAuthenticated == true && await signIn.UserManager.GetUserAsync(http.User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
        }

        await signIn.SignOutAsync();
    }
}
