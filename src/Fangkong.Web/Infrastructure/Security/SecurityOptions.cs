namespace Fangkong.Web.Infrastructure.Security;

/// <summary>
/// The operator's security settings, section <c>Security</c> of the configuration (appsettings,
/// environment <c>Security__TrustForwardedHeaders=true</c>, or <c>--Security:TrustForwardedHeaders=true</c>).
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Honour X-Forwarded-For and X-Forwarded-Proto (TLS ends at a reverse proxy). Off by default:
    /// without a proxy in front, anyone could claim to be any address or to have come over TLS.
    /// </summary>
    public bool TrustForwardedHeaders { get; set; }

    /// <summary>Addresses of the proxies whose forwarded headers count; empty means the loopback proxy only.</summary>
    public IList<string> KnownProxies { get; } = [];

    /// <summary>A session ends after this long without a request (renewed with use).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A session ends this long after sign-in whatever its use (never renewed).</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Max-age of Strict-Transport-Security, sent on requests that came over TLS.</summary>
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    public LoginLimits Login { get; } = new();
}

/// <summary>How many failed sign-ins are allowed before the next attempt is answered 429.</summary>
public sealed class LoginLimits
{
    /// <summary>Failures from one client address, whatever the account, per <see cref="AddressWindow"/>.</summary>
    public int FailuresPerAddress { get; set; } = 20;

    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failures for one account from one address per <see cref="AccountWindow"/>: one guesser stops only itself.</summary>
    public int FailuresPerAccountAndAddress { get; set; } = 10;

    /// <summary>Failures for one account from all addresses together per <see cref="AccountWindow"/>: a spread-out guess.</summary>
    public int FailuresPerAccount { get; set; } = 50;

    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromMinutes(15);
}
