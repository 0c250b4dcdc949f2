using Fangkong.Access;
using Fangkong.Common.Settings;
using Fangkong.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fangkong.Cli;

/// <summary>Builds the service provider a command runs with: the chosen database, the settings (checked here), logging to stderr.</summary>
internal static class CliServices
{
    public static ServiceProvider Build(DatabaseSettings settings)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddFangkongData(settings);
        services.AddFangkongIdentity();
        services.AddFangkongSettings(CliSettings.Configuration);
        var provider = services.BuildServiceProvider();
        provider.ValidateSettingsNow();
        return provider;
    }
}
