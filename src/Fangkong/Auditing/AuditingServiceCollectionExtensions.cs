using Microsoft.Extensions.Options;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Auditing;

public static class AuditingServiceCollectionExtensions
{
    /// <summary>
    /// The background audit writer (for a long-running host: the web server). Without it, as in the
    /// console, each audit line is written at once by the DbContext that records it.
    /// </summary>
    public static IServiceCollection AddFangkongAuditQueue(this IServiceCollection services)
    {
        // The Audit section's options (validated where the host registers them), else the defaults.
        services.AddOptions();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<AuditOptions>>().Value.Settings);
        services.AddSingleton<AuditWriter>();
        services.AddSingleton<IAuditSink>(sp => sp.GetRequiredService<AuditWriter>());
        services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());
        return services;
    }
}
