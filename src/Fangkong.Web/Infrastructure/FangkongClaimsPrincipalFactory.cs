using System.Security.Claims;
using Fangkong.Access;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Fangkong.Web.Infrastructure;

/// <summary>Puts the user's jurisdiction and display name into the cookie, so requests need no lookup.</summary>
public sealed class FangkongClaimsPrincipalFactory(
    UserManager<FangkongUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<FangkongUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(FangkongUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FangkongClaims.Region, user.RegionCode));
        identity.AddClaim(new Claim(FangkongClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
