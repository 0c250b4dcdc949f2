using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Fangkong.Supervision.Detectors;

/// <summary>
/// One detector's settings, from <c>Supervision:Detectors:{Key}</c>: <c>Enabled</c> (default
/// true), <c>EveryMinutes</c> (its schedule), <c>DeadlineHours</c> (the time its findings get to
/// be rectified, default 24) and the detector's own thresholds.
/// </summary>
public sealed class DetectorSettings(string key, IReadOnlyDictionary<string, string?> values)
{
    public const int DefaultDeadlineHours = 24;

    public string Key { get; } = key;

    public static DetectorSettings From(IConfiguration configuration, string key)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection($"Supervision:Detectors:{key}");
        return new DetectorSettings(key, section.GetChildren().ToDictionary(c => c.Key, c => c.Value, StringComparer.OrdinalIgnoreCase));
    }

    public static DetectorSettings Defaults(string key) => new(key, new Dictionary<string, string?>());

    public bool Enabled => !string.Equals(Get("Enabled"), "false", StringComparison.OrdinalIgnoreCase);

    public TimeSpan Interval(TimeSpan fallback) => TimeSpan.FromMinutes(Number("EveryMinutes", fallback.TotalMinutes, 1, 7 * 24 * 60));

    public TimeSpan Deadline => TimeSpan.FromHours(Number("DeadlineHours", DefaultDeadlineHours, 1, 30 * 24));

    /// <summary>A numeric threshold, clamped to what makes sense; a value that does not parse is the default.</summary>
    public double Number(string name, double fallback, double min, double max) =>
        double.TryParse(Get(name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsNaN(value)
            ? Math.Clamp(value, min, max)
            : fallback;

    private string? Get(string name) => values.TryGetValue(name, out var v) ? v : null;

    /// <summary>A copy with one value changed (tests and the CLI's overrides).</summary>
    public DetectorSettings With(string name, string value)
    {
        var copy = new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase) { [name] = value };
        return new DetectorSettings(Key, copy);
    }
}
