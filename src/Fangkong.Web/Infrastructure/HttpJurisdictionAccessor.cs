using System.Security.Claims;
using Fangkong.Access;
using Microsoft.AspNetCore.Http;

namespace Fangkong.Web.Infrastructure;

/// <summary>
/// The jurisdiction of the signed-in user, from the cookie's claims. A request without a user,
/// or a user without a region claim, sees nothing: the failure mode is closed, never open.
/// </summary>
public sealed class HttpJurisdictionAccessor(IHttpContextAccessor http) : IJurisdictionAccessor
{
    public Jurisdiction Current => For(http.HttpContext?.User);

    public static Jurisdiction For(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true || user.FindFirstValue(FangkongClaims.Region) is not { } region)
        {
            return Jurisdiction.Nobody;
        }

        var name = user.Identity.Name ?? "unknown";
        var fullIdentity = Roles.All.Any(r => r.SeesFullIdentity && user.IsInRole(r.Name));
        var residentDetails = Roles.All.Any(r => r.SeesResidentDetails && user.IsInRole(r.Name));
        var callsResidents = Roles.All.Any(r => r.CallsResidents && user.IsInRole(r.Name));
        return new Jurisdiction(name, region, fullIdentity) { SeesResidentDetails = residentDetails, CallsResidents = callsResidents };
    }
}
