namespace Fangkong.Cli.Benchmarks;

/// <summary>
/// The scan rate a run achieved: swabs recorded over the time from the load's start to its LAST
/// answer, not over the offered time. Under an offer above the ceiling the queue drains long after
/// the offer stops (60 s offered, 122 s to answer at 2,000/s, docs/performance-scan-peak.md);
/// dividing by the offered time would print the offer back, not what the server did.
/// </summary>
internal static class ScanPeakRate
{
    /// <summary>Seconds from <paramref name="startedAt"/> to the last answer (0 when nothing was answered).</summary>
    public static double AnsweredSeconds(double startedAt, IReadOnlyCollection<(double At, int Scans)> answers) =>
        answers.Count == 0 ? 0 : Math.Max(0, answers.Max(a => a.At) - startedAt);

    /// <summary>Recorded swabs per second over <see cref="AnsweredSeconds"/>.</summary>
    public static double PerSecond(long recorded, double startedAt, IReadOnlyCollection<(double At, int Scans)> answers)
    {
        var seconds = AnsweredSeconds(startedAt, answers);
        return seconds > 0 ? recorded / seconds : 0;
    }
}
