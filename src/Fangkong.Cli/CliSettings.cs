using Fangkong.Common.Settings;
using Microsoft.Extensions.Configuration;

namespace Fangkong.Cli;

/// <summary>
/// The CLI's settings: the same appsettings.json as the web host (copied next to the program),
/// the environment and the FANGKONG_* variables; a flag of a command wins over all of them.
/// Read once per run.
/// </summary>
internal static class CliSettings
{
    private static readonly Lazy<IConfigurationRoot> Root = new(() => FangkongConfiguration.Build());

    public static IConfiguration Configuration => Root.Value;
}
