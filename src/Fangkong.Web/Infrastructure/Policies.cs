using Fangkong.Access;
using Microsoft.AspNetCore.Authorization;

namespace Fangkong.Web.Infrastructure;

/// <summary>One authorization policy per permission, from the role table in <see cref="Permissions"/>.</summary>
public static class Policies
{
    public static void Add(AuthorizationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var permission in Permissions.All)
        {
            options.AddPolicy(permission, p => p.RequireAuthenticatedUser().RequireRole(Permissions.RolesFor(permission)));
        }
    }
}
