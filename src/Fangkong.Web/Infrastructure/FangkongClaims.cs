namespace Fangkong.Web.Infrastructure;

/// <summary>Claim types Fangkong adds to the sign-in cookie.</summary>
public static class FangkongClaims
{
    /// <summary>The region code of the user's jurisdiction.</summary>
    public const string Region = "fangkong:region";

    public const string DisplayName = "fangkong:display-name";
}
