using System.ComponentModel.DataAnnotations;
using Fangkong.Supervision.Detectors;

namespace Fangkong.Supervision;

/// <summary>The <c>Supervision</c> section: the detectors' schedule, their thresholds, and escalation.</summary>
public sealed class SupervisionOptions : IValidatableObject
{
    public const string Section = "Supervision";

    /// <summary>The web host looks for due detectors this often; 0 turns the scheduler off.</summary>
    [Range(0d, 60d * 60d)]
    public double TickSeconds { get; set; } = 60;

    /// <summary>An overdue finding climbs one more level after each such interval.</summary>
    [Range(1, 30 * 24)]
    public int EscalateEveryHours { get; set; } = 24;

    /// <summary><c>Supervision:Detectors:{Key}:{Name}</c>: each detector's Enabled, EveryMinutes, DeadlineHours and thresholds.</summary>
    public Dictionary<string, Dictionary<string, string?>> Detectors { get; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan EscalateEvery => TimeSpan.FromHours(EscalateEveryHours);

    /// <summary>The configured settings of one detector (its defaults where none are given).</summary>
    public DetectorSettings For(string key) => Detectors.TryGetValue(key, out var values)
        ? new DetectorSettings(key, new Dictionary<string, string?>(values, StringComparer.OrdinalIgnoreCase))
        : DetectorSettings.Defaults(key);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext) =>
        DetectorSettingsCheck.Failures($"{Section}:Detectors", Detectors).Select(f => new ValidationResult(f));
}
