using System.CommandLine;
using System.Globalization;
using Fangkong.Common;

namespace Fangkong.Cli;

/// <summary>
/// The one language the CLI writes in, its own lines and the domain's texts alike: <c>--lang zh-CN|en</c>,
/// else the locale of the environment (<c>LC_ALL</c>, then <c>LANG</c>), English for an English locale and
/// Chinese for every other one (zh_CN, C, POSIX, unset), the product's default.
/// </summary>
internal static class CliCulture
{
    public static readonly CultureInfo Chinese = CultureInfo.GetCultureInfo("zh-CN");
    public static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static Option<string?> Language { get; } = CreateOption();

    /// <summary>
    /// Chosen before the command line is parsed, so the commands' help texts and the parser's own refusals
    /// are in the language asked for; a value other than zh-CN or en is refused by the option itself.
    /// </summary>
    public static CultureInfo Choose(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var asked = Asked(args) ?? NonEmpty(environment("LC_ALL")) ?? NonEmpty(environment("LANG"));
        return asked is not null && asked.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? English : Chinese;
    }

    public static void Apply(IReadOnlyList<string> args)
    {
        var culture = Choose(args, Environment.GetEnvironmentVariable);
        CultureInfo.DefaultThreadCurrentUICulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    private static string? Asked(IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Count)
            {
                return args[i + 1];
            }

            if (args[i].StartsWith("--lang=", StringComparison.Ordinal))
            {
                return args[i]["--lang=".Length..];
            }
        }

        return null;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    private static Option<string?> CreateOption()
    {
        var option = new Option<string?>("--lang")
        {
            Description = ErrorText.Of("cli.lang.description").Render(),
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("zh-CN", "en");
        return option;
    }
}
