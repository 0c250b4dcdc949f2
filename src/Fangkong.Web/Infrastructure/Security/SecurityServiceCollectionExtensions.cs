using System.Net;
using Fangkong.Common.Settings;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fangkong.Web.Infrastructure.Security;

/// <summary>The web host's security set-up in one place: sessions, sign-in throttling, antiforgery, headers, proxies.</summary>
public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddFangkongSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        // The certificate that encrypts the key ring at rest (ADR 0028), when the settings name one.
        Passes.KeyRingCertificate.Configure(configuration[Passes.KeyRingCertificate.PathSetting], configuration[Passes.KeyRingCertificate.PasswordSetting]);
        // The web host's own ring (cookies, antiforgery) in the database, encrypted with that certificate (ADR 0033).
        services.AddWebKeyRing();
        services.AddSettings<SecurityOptions>(configuration, SecurityOptions.Section);
        services.AddSingleton<LoginThrottle>();
        services.AddScoped<PasswordSignIn>();
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .PostConfigure<IOptions<SecurityOptions>>((cookie, security) => SessionLifetime.Configure(cookie, security.Value));
        services.Configure<AntiforgeryOptions>(o =>
        {
            o.HeaderName = UnsafeRequestGuard.HeaderName;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // SecurityHeaders sends X-Frame-Options on every response, not only where a token is made.
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((forwarded, security) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in security.Value.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        return services;
    }

    /// <summary>First in the pipeline: the client's real address and scheme (when trusted), then the headers.</summary>
    public static IApplicationBuilder UseFangkongSecurityHeaders(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value.TrustForwardedHeaders)
        {
            app.UseForwardedHeaders();
        }

        return app.UseMiddleware<SecurityHeaders>();
    }

    /// <summary>After authentication: every unsafe request to an endpoint carries a valid antiforgery token.</summary>
    public static IApplicationBuilder UseAntiforgeryOnEveryUnsafeRequest(this IApplicationBuilder app) =>
        app.UseMiddleware<UnsafeRequestGuard>();
}
