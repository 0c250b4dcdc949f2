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
                options.Password.RequiredLength = AddUser.MinPasswordLength;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireDigit = true;
                options.User.RequireUniqueEmail = false;
                // Accounts are shared terminals at sampling points and checkpoints: lock out guessing, not users.
                options.Lockout.MaxFailedAccessAttempts = 10;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<FangkongDbContext>();
}
