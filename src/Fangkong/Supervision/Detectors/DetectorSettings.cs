using System.Globalization;

namespace Fangkong.Supervision.Detectors;

/// <summary>
/// One detector's settings, from <c>Supervision:Detectors:{Key}</c>: <c>Enabled</c> (default
/// true), <c>EveryMinutes</c> (its schedule), <c>DeadlineHours</c> (the time its findings get to
/// be rectified, default 24) and the detector's own <see cref="IFindingDetector.Parameters"/>.
/// The configured values are checked at start-up (<see cref="DetectorSettingsCheck"/>); the
/// clamp here only guards values set in code (tests, the CLI's checked overrides).
/// </summary>
public sealed class DetectorSettings(string key, IReadOnlyDictionary<string, string?> values)
{
    public const int DefaultDeadlineHours = 24;
    public const string EnabledName = "Enabled";

    public static readonly DetectorParameter Deadlines = new("DeadlineHours", DefaultDeadlineHours, 1, 30 * 24);

    public string Key { get; } = key;

    public static DetectorSettings Defaults(string key) => new(key, new Dictionary<string, string?>());

    /// <summary>The schedule of a detector, whose default is its own interval.</summary>
    public static DetectorParameter Schedule(TimeSpan fallback) => new("EveryMinutes", fallback.TotalMinutes, 1, 7 * 24 * 60);

    public bool Enabled => !string.Equals(Get(EnabledName), "false", StringComparison.OrdinalIgnoreCase);

    public TimeSpan Interval(TimeSpan fallback) => TimeSpan.FromMinutes(Number(Schedule(fallback)));

    public TimeSpan Deadline => TimeSpan.FromHours(Number(Deadlines));

    public double Number(DetectorParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        return Number(parameter.Name, parameter.Default, parameter.Min, parameter.Max);
    }

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
