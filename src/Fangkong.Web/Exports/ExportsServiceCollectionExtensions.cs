using Fangkong.Web.Exports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Fangkong.Web;

public static class ExportsServiceCollectionExtensions
{
    /// <summary>The list exporter and its cap (<see cref="ExportSettings.Section"/>), validated at start-up.</summary>
    public static IServiceCollection AddFangkongExports(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ExportSettings>()
            .Bind(configuration.GetSection(ExportSettings.Section))
            .Validate(s => s.MaxRows >= 1, $"{ExportSettings.Section}:MaxRows must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton(sp => sp.GetRequiredService<IOptions<ExportSettings>>().Value);
        services.AddScoped<ListExporter>();
        return services;
    }
}
