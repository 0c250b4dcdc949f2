using System.CommandLine;
using System.Globalization;
using Fangkong.Common.Settings;
using Fangkong.Data;
using Fangkong.Web.Infrastructure.Settings;
using Microsoft.Extensions.Options;
using Fangkong.Common;

namespace Fangkong.Cli.Commands;

/// <summary>
/// <c>fangkong settings</c>: every setting as this program sees it (appsettings.json, the
/// environment, the FANGKONG_* variables), after checking them all, web host's sections
/// included, so that an operator can check a change before starting the server.
/// </summary>
internal static class SettingsCommand
{
    public static Command Create()
    {
        var command = new Command("settings", ErrorText.Of("cli.settings.description"));
        command.SetAction(_ =>
        {
            var failures = new List<string>();
            var lines = new List<string>();
            foreach (var (section, type) in WebSettingsSetup.Sections)
            {
                try
                {
                    lines.AddRange(Lines(section, SettingsBinder.Read(type, CliSettings.Configuration, section)));
                }
                catch (OptionsValidationException e)
                {
                    failures.AddRange(e.Failures);
                }
            }

            if (failures.Count > 0)
            {
                return CommandScope.Fail(string.Join(Environment.NewLine, failures));
            }

            lines.ForEach(Console.WriteLine);
            return 0;
        });
        return command;
    }

    private static IEnumerable<string> Lines(string path, object options)
    {
        foreach (var property in SettingsBinder.SettingProperties(options.GetType()))
        {
            var value = property.GetValue(options);
            var name = $"{path}:{property.Name}";
            switch (value)
            {
                case System.Collections.IDictionary map:
                    foreach (var line in Entries(name, map))
                    {
                        yield return line;
                    }

                    break;
                case not null when value is not string && !value.GetType().IsValueType && value is not Uri && value is not System.Collections.IEnumerable:
                    foreach (var line in Lines(name, value))
                    {
                        yield return line;
                    }

                    break;
                case string connection when options is DatabaseOptions:
                    // Never a password on the console.
                    yield return $"{name} = {DatabaseSettings.Parse(connection).Describe()}";
                    break;
                default:
                    yield return string.Create(CultureInfo.InvariantCulture, $"{name} = {SettingMessages.Show(value)}");
                    break;
            }
        }
    }

    private static IEnumerable<string> Entries(string path, System.Collections.IDictionary map)
    {
        foreach (System.Collections.DictionaryEntry entry in map)
        {
            if (entry.Value is System.Collections.IDictionary inner)
            {
                foreach (var line in Entries($"{path}:{entry.Key}", inner))
                {
                    yield return line;
                }
            }
            else
            {
                yield return $"{path}:{entry.Key} = {entry.Value}";
            }
        }
    }
}
