using System.Globalization;
using Fangkong.Common.Settings;

namespace Fangkong.Supervision.Detectors;

/// <summary>
/// Refuses detector settings that would otherwise be clamped or ignored without a word: an unknown
/// detector or setting name (a typo), a value that is not a number, or one outside the declared range.
/// </summary>
public static class DetectorSettingsCheck
{
    /// <param name="path">Where the detectors' settings live, e.g. <c>Supervision:Detectors</c>.</param>
    public static IReadOnlyList<string> Failures(string path, IReadOnlyDictionary<string, Dictionary<string, string?>> configured)
    {
        ArgumentNullException.ThrowIfNull(configured);
        var failures = new List<string>();
        foreach (var (key, values) in configured)
        {
            var detector = DetectorCatalog.All.FirstOrDefault(d => string.Equals(d.Key, key, StringComparison.OrdinalIgnoreCase));
            if (detector is null)
            {
                failures.Add(SettingMessages.Unknown($"{path}:{key}", path, DetectorCatalog.All.Select(d => d.Key)));
                continue;
            }

            foreach (var (name, value) in values)
            {
                if (Failure($"{path}:{key}:{name}", detector, name, value) is { } failure)
                {
                    failures.Add(failure);
                }
            }
        }

        return failures;
    }

    /// <summary>One value's refusal, or null when it is valid.</summary>
    public static string? Failure(string path, IFindingDetector detector, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(detector);
        if (string.Equals(name, DetectorSettings.EnabledName, StringComparison.OrdinalIgnoreCase))
        {
            return bool.TryParse(value, out _) ? null : SettingMessages.NotConvertible(path, value ?? string.Empty, typeof(bool), "true or false");
        }

        List<DetectorParameter> known = [DetectorSettings.Schedule(detector.DefaultInterval), DetectorSettings.Deadlines, .. detector.Parameters];
        var parameter = known.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        if (parameter is null)
        {
            return SettingMessages.Unknown(path, path[..path.LastIndexOf(':')], [DetectorSettings.EnabledName, .. known.Select(p => p.Name)]);
        }

        var range = $"{parameter.Min.ToString(CultureInfo.InvariantCulture)} to {parameter.Max.ToString(CultureInfo.InvariantCulture)}";
        if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return SettingMessages.NotConvertible(path, value ?? string.Empty, typeof(double), range);
        }

        return parameter.Allows(number) ? null : SettingMessages.Invalid(path, value, range);
    }
}
