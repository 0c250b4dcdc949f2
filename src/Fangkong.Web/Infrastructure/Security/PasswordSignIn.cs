using System.Security.Claims;
using Fangkong.Access;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Fangkong.Web.Infrastructure.Security;

/// <summary>What a sign-in attempt came to; a failure says nothing about why (unknown user, wrong password, disabled).</summary>
public sealed record SignInOutcome(ClaimsPrincipal? Principal, TimeSpan? RetryAfter)
{
    public bool Succeeded => Principal is not null;

    public bool Throttled => RetryAfter is not null;

    /// <summary>The one answer to every failure, so that no answer tells whether an account exists.</summary>
    public const string FailureCode = "error.web.sign-in-failed";

    public const string ThrottledCode = "error.web.sign-in-throttled";
}

/// <summary>
/// Sign-in by password for the login page and the session API alike: throttled (<see cref="LoginThrottle"/>),
/// the same work for unknown and known users (a password hash is checked either way, so the
/// answer takes as long), and never a lockout an attacker could trigger.
/// </summary>
public sealed class PasswordSignIn(
    SignInManager<FangkongUser> signIn, IPasswordHasher<FangkongUser> hasher, LoginThrottle throttle)
{
    private static readonly FangkongUser NoUser = new() { UserName = "-" };
    private static string? _dummyHash;

    public async Task<SignInOutcome> SignInAsync(string? userName, string? password, HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var users = signIn.UserManager;
        var account = users.NormalizeName(userName?.Trim() ?? string.Empty) ?? string.Empty;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (throttle.Blocked(account, address) is { } wait)
        {
            return new SignInOutcome(null, wait);
        }

        var user = string.IsNullOrEmpty(account) ? null : await users.FindByNameAsync(account);
        if (user is null)
        {
            // As long as checking a real password: the answer's timing must not reveal that no such user exists.
            _dummyHash ??= hasher.HashPassword(NoUser, Guid.NewGuid().ToString("N"));
            _ = hasher.VerifyHashedPassword(NoUser, _dummyHash, password ?? string.Empty);
        }
        else if ((await signIn.CheckPasswordSignInAsync(user, password ?? string.Empty, lockoutOnFailure: false)).Succeeded)
        {
            await signIn.SignInAsync(user, isPersistent: false);
            return new SignInOutcome(await signIn.CreateUserPrincipalAsync(user), null);
        }

        throttle.RecordFailure(account, address);
        return new SignInOutcome(null, null);
    }
}
