using System.Globalization;
using Fangkong.Common.Settings;
using Fangkong.Supervision.Detectors;
using Fangkong.Web.Infrastructure.Settings;
using Microsoft.Extensions.Configuration;

namespace Fangkong.IntegrationTests.Web.Settings;

/// <summary>
/// appsettings.json is the operator's list of settings: every setting of every section is in it,
/// with the value the code would use without it, and the file itself passes the checks.
/// </summary>
public sealed class AppSettingsFileTests
{
    private static readonly IConfigurationRoot File = new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile(FangkongConfiguration.FileName, optional: false)
        .Build();

    [Fact]
    public void EverySetting_IsInTheFile_WithTheCodesDefault()
    {
        var missing = new List<string>();
        foreach (var (section, type) in WebSettingsSetup.Sections)
        {
            Compare(section, Activator.CreateInstance(type)!, SettingsBinder.Read(type, File, section), missing);
        }

        missing.ShouldBeEmpty();
    }

    [Fact]
    public void EveryDetectorSetting_IsInTheFile_WithTheDetectorsDefault()
    {
        var missing = new List<string>();
        foreach (var detector in DetectorCatalog.All)
        {
            var path = $"Supervision:Detectors:{detector.Key}";
            Expect($"{path}:Enabled", "True", File[$"{path}:Enabled"], missing);
            foreach (var p in (List<DetectorParameter>)[DetectorSettings.Schedule(detector.DefaultInterval), DetectorSettings.Deadlines, .. detector.Parameters])
            {
                var given = File[$"{path}:{p.Name}"];
                Expect($"{path}:{p.Name}", p.Default.ToString(CultureInfo.InvariantCulture),
                    double.TryParse(given, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d.ToString(CultureInfo.InvariantCulture) : given, missing);
            }
        }

        missing.ShouldBeEmpty();
    }

    private static void Compare(string path, object defaults, object inFile, List<string> missing)
    {
        foreach (var property in SettingsBinder.SettingProperties(defaults.GetType()))
        {
            var name = $"{path}:{property.Name}";
            var value = property.GetValue(defaults);
            if (value is System.Collections.IDictionary)
            {
                continue; // the detectors: EveryDetectorSetting_IsInTheFile_WithTheDetectorsDefault
            }

            if (value is not null and not string and not Uri and not System.Collections.IEnumerable && !value.GetType().IsValueType)
            {
                Compare(name, value, property.GetValue(inFile)!, missing);
                continue;
            }

            var present = File.GetSection(name).Exists() || (value is System.Collections.IEnumerable and not string && File.GetSection(name).Value == string.Empty);
            if (!present && value is not System.Collections.IEnumerable)
            {
                missing.Add($"{name} is not in appsettings.json");
                continue;
            }

            Expect(name, SettingMessages.Show(value), SettingMessages.Show(property.GetValue(inFile)), missing);
        }
    }

    private static void Expect(string name, string expected, string? actual, List<string> missing)
    {
        if (!string.Equals(expected, actual, StringComparison.OrdinalIgnoreCase))
        {
            missing.Add($"{name}: appsettings.json has {actual ?? "nothing"}, the code {expected}");
        }
    }
}
