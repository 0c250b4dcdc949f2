using Fangkong.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Access;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// User and role stores over the Fangkong database, with the password and lockout rules of
    /// the product. The web host adds sign-in and cookies on top; the CLI uses this to add users.
    /// </summary>
    public static IdentityBuilder AddFangkongIdentity(this IServiceCollection services) =>
        services.AddIdentityCore<FangkongUser>(options =>
            {
                // PasswordPolicy holds the whole rule (with Chinese messages); Identity's own checks are off.
                options.Password.RequiredLength = 1;
                options.Password.RequiredUniqueChars = 1;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = false;
                options.User.RequireUniqueEmail = false;
                // Accounts are shared terminals at sampling points and checkpoints: sign-in throttles guessing
                // (LoginThrottle in the web host) instead of a lockout that anyone could trigger for everyone.
                options.Lockout.AllowedForNewUsers = false;
            })
            .AddPasswordValidator<PasswordPolicy>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<FangkongDbContext>();
}
