using System.Collections;
using Microsoft.Extensions.Configuration;

namespace Fangkong.Common.Settings;

/// <summary>
/// Where the settings come from, the same for the web host and the CLI: <c>appsettings.json</c>
/// next to the program, then environment variables (<c>Clusters__WindowDays=21</c>), then the
/// older <c>FANGKONG_*</c> variables that scripts and tests already use, then flags.
/// </summary>
public static class FangkongConfiguration
{
    public const string FileName = "appsettings.json";

    /// <summary>The FANGKONG_* variables kept working, and the setting each one sets.</summary>
    public static IReadOnlyDictionary<string, string> Aliases { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["FANGKONG_DATABASE"] = "Database:Connection",
        ["FANGKONG_CJK_FONT"] = "Notices:CjkFont",
    };

    /// <summary>The settings the <see cref="Aliases"/> set in <paramref name="environment"/>; an empty variable sets nothing, as before.</summary>
    public static IConfigurationBuilder AddFangkongAliases(this IConfigurationBuilder builder, IDictionary environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var values = Aliases
            .Where(a => environment[a.Key] is string { Length: > 0 })
            .ToDictionary(a => a.Value, a => (string?)environment[a.Key]);
        return builder.AddInMemoryCollection(values);
    }

    /// <summary>The CLI's configuration: the file in <paramref name="folder"/> (the program's own by default), the environment, the aliases.</summary>
    public static IConfigurationRoot Build(IDictionary? environment = null, string? folder = null)
    {
        environment ??= Environment.GetEnvironmentVariables();
        var builder = new ConfigurationBuilder()
            .SetBasePath(folder ?? AppContext.BaseDirectory)
            .AddJsonFile(FileName, optional: true)
            .AddInMemoryCollection(Variables(environment))
            .AddFangkongAliases(environment);
        return builder.Build();
    }

    /// <summary>Environment variables as settings, "__" standing for ":" as in ASP.NET Core.</summary>
    private static Dictionary<string, string?> Variables(IDictionary environment)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry e in environment)
        {
            if (e.Key is string key && key.Contains("__", StringComparison.Ordinal))
            {
                values[key.Replace("__", ":", StringComparison.Ordinal)] = e.Value as string;
            }
        }

        return values;
    }
}
