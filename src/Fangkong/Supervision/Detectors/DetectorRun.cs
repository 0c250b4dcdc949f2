namespace Fangkong.Supervision.Detectors;

/// <summary>When a detector last ran and what it found: the schedule and the dashboard read it.</summary>
public sealed class DetectorRun
{
    public const int KeyMaxLength = 64;
    public const int ErrorMaxLength = 500;

    private DetectorRun() => Key = string.Empty;

    public DetectorRun(string key) => Key = key;

    public string Key { get; private set; }

    public DateTimeOffset? LastRunAt { get; private set; }

    public int LastDetected { get; private set; }

    public int LastRaised { get; private set; }

    public int TotalRaised { get; private set; }

    public string? LastError { get; private set; }

    public bool IsDue(DateTimeOffset now, TimeSpan interval) => LastRunAt is not { } last || now - last >= interval;

    public void Ran(DateTimeOffset at, int detected, int raised, string? error)
    {
        LastRunAt = at.ToUniversalTime();
        LastDetected = detected;
        LastRaised = raised;
        TotalRaised += raised;
        LastError = error is { Length: > ErrorMaxLength } e ? e[..ErrorMaxLength] : error;
    }
}
