using Microsoft.AspNetCore.Identity;

namespace Fangkong.Access;

/// <summary>A user account: an Identity user with a jurisdiction (region code).</summary>
public sealed class FangkongUser : IdentityUser
{
    public const int DisplayNameMaxLength = 50;

    public string RegionCode { get; set; } = string.Empty;

    public string DisplayName { get; set; } = string.Empty;
}
