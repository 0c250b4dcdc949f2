using System.CommandLine;
using Fangkong.Data;

namespace Fangkong.Cli;

/// <summary>Options every command takes.</summary>
internal static class GlobalOptions
{
    public static Option<string?> Database { get; } = new("--database")
    {
        Description = $"sqlite:PATH or postgres:CONNECTION-STRING (default: ${DatabaseSettings.EnvironmentVariable}, else {DatabaseOptions.Section}:Connection of appsettings.json, {DatabaseSettings.Default})",
        Recursive = true,
    };

    public static DatabaseSettings Settings(ParseResult result) => DatabaseOptions.Resolve(result.GetValue(Database), CliSettings.Configuration);
}
