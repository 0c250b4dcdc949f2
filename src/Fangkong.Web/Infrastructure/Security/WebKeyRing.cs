using Fangkong.Data;
using Fangkong.Passes;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web.Infrastructure.Security;

/// <summary>
/// Where the web host keeps the keys that protect its sign-in cookies and antiforgery tokens: in the
/// database (every server of a farm reads the same ring, so a cookie issued by one is valid on all),
/// encrypted at rest with the key ring certificate like the pass keys' ring (ADR 0028, ADR 0033).
/// The framework's default, a folder of plain XML files per machine, would sign a user out whenever
/// the load balancer changed server, and leave the master keys readable on disk.
/// </summary>
internal static class WebKeyRing
{
    /// <summary>
    /// Data Protection isolates rings by application name; the default is the content root, which
    /// differs between servers installed in different folders. Not the pass keys' name: their ring is apart.
    /// </summary>
    public const string ApplicationName = "Fangkong.Web";

    /// <summary>Call after <see cref="KeyRingCertificate.Configure"/>: the certificate is loaded (or created) here.</summary>
    public static IServiceCollection AddWebKeyRing(this IServiceCollection services)
    {
        services.AddDbContext<WebKeyRingContext>((provider, options) => KeyRingContext.Use(options, provider.GetRequiredService<DatabaseSettings>()));
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<WebKeyRingContext>()
            .ProtectKeysWithCertificate(KeyRingCertificate.Current());
        return services;
    }
}
