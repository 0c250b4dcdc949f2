using Microsoft.AspNetCore.Identity;
using Fangkong.Common;

namespace Fangkong.Access;

/// <summary>
/// The rule for new and changed passwords: long enough, not built from the account's own name,
/// not on the list of common passwords. No composition rules (a digit, a capital): they make
/// passwords harder to remember without making them harder to guess. Messages are Chinese first.
/// </summary>
public sealed class PasswordPolicy : IPasswordValidator<FangkongUser>
{
    public const int MinLength = 10;

    /// <summary>
    /// A Latin name shorter than this is not looked for inside a password (many would hold "li");
    /// a Chinese name is, from two characters (张伟).
    /// </summary>
    private const int MinNameLength = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<FangkongUser> manager, FangkongUser user, string? password)
    {
        ArgumentNullException.ThrowIfNull(user);
        var problem = Check(password, user.UserName, user.DisplayName);
        return Task.FromResult(problem is null
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = problem.Value.Code, Description = problem.Value.Message }));
    }

    /// <summary>The first rule <paramref name="password"/> breaks, or null when it may be used.</summary>
    public static (string Code, string Message)? Check(string? password, string? userName, string? displayName)
    {
        if (string.IsNullOrEmpty(password) || password.Length < MinLength)
        {
            return ("PasswordTooShort", ErrorText.Of("error.access.password-least-characters-long", MinLength));
        }

        if (Contains(password, userName) || Contains(password, displayName))
        {
            return ("PasswordContainsName", ErrorText.Of("error.access.password-not-contain-user-name"));
        }

        if (CommonPasswords.Contains(password))
        {
            return ("PasswordTooCommon", ErrorText.Of("error.access.password-too-common-easily-guessed"));
        }

        return null;
    }

    private static bool Contains(string password, string? name) =>
        name?.Trim() is { Length: > 0 } n
        && n.Length >= (n.All(char.IsAscii) ? MinNameLength : 2)
        && password.Contains(n, StringComparison.OrdinalIgnoreCase);
}
