using System.Security.Claims;
using Fangkong.Access;
using Fangkong.Web.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Fangkong.Web.Apis;

/// <summary>Who the caller is: name, roles, jurisdiction and whether identity numbers are shown in full.</summary>
public static class MeApi
{
    public sealed record Me(string UserName, string DisplayName, IReadOnlyList<string> Roles, string RegionCode, bool SeesFullIdentity);

    public static void Map(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapGet("/me", GetMe).WithTags("Session").WithName("GetMe");
    }

    public static Ok<Me> GetMe(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var jurisdiction = HttpJurisdictionAccessor.For(user);
        var roles = Roles.All.Where(r => user.IsInRole(r.Name)).Select(r => r.Name).ToList();
        return TypedResults.Ok(new Me(
            jurisdiction.UserName,
            user.FindFirstValue(FangkongClaims.DisplayName) ?? jurisdiction.UserName,
            roles,
            jurisdiction.RegionPrefix,
            jurisdiction.SeesFullIdentity));
    }
}
