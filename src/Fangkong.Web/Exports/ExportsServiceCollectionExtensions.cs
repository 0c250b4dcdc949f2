using Fangkong.Web.Exports;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Fangkong.Web;

public static class ExportsServiceCollectionExtensions
{
    /// <summary>The list exporter and its cap (<see cref="ExportSettings.Section"/>).</summary>
    public static IServiceCollection AddFangkongExports(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = new ExportSettings();
        configuration.GetSection(ExportSettings.Section).Bind(settings);
        if (settings.MaxRows < 1)
        {
            throw new InvalidOperationException($"{ExportSettings.Section}:MaxRows must be at least 1, not {settings.MaxRows}.");
        }

        services.AddSingleton(settings);
        services.AddScoped<ListExporter>();
        return services;
    }
}
