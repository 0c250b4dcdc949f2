using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Fangkong.Web.Infrastructure.Security;

/// <summary>
/// The operator's security settings, section <c>Security</c> of the configuration (appsettings,
/// environment <c>Security__TrustForwardedHeaders=true</c>, or <c>--Security:TrustForwardedHeaders=true</c>).
/// </summary>
public sealed class SecurityOptions : IValidatableObject
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
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromHours(2);

    /// <summary>A session ends this long after sign-in whatever its use (never renewed).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Max-age of Strict-Transport-Security, sent on requests that came over TLS.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "730.00:00:00")]
    public TimeSpan HstsMaxAge { get; set; } = TimeSpan.FromDays(365);

    public LoginLimits Login { get; } = new();

    /// <summary>A proxy that is not an address would otherwise fail the first request, not the start.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        KnownProxies.Where(p => !IPAddress.TryParse(p, out _))
            .Select(p => new ValidationResult(Common.Settings.SettingMessages.Invalid($"{Section}:{nameof(KnownProxies)}", p, "IP addresses such as 10.0.0.5 or ::1")));
}

/// <summary>How many failed sign-ins are allowed before the next attempt is answered 429.</summary>
public sealed class LoginLimits
{
    /// <summary>Failures from one client address, whatever the account, per <see cref="AddressWindow"/>.</summary>
    [Range(1, 1_000_000)]
    public int FailuresPerAddress { get; set; } = 20;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AddressWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Failures for one account from one address per <see cref="AccountWindow"/>: one guesser stops only itself.</summary>
    [Range(1, 1_000_000)]
    public int FailuresPerAccountAndAddress { get; set; } = 10;

    /// <summary>Failures for one account from all addresses together per <see cref="AccountWindow"/>: a spread-out guess.</summary>
    [Range(1, 1_000_000)]
    public int FailuresPerAccount { get; set; } = 50;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan AccountWindow { get; set; } = TimeSpan.FromMinutes(15);
}
