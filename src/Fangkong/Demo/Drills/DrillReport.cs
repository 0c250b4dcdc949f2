namespace Fangkong.Demo.Drills;

/// <summary>
/// A drill's outcome: the figures a command centre compares between plans. Hours are simulation
/// hours (the clock of the replayed days), so the same seed and plan give the same report.
/// </summary>
/// <param name="ControlHoursMean">Mean hours from a case's positive tube (its result, 13:00) to its arrival at a bed.</param>
/// <param name="ControlHoursP90">The 90th percentile of the same.</param>
/// <param name="CasesNotControlled">Cases still without a bed at the end.</param>
/// <param name="ContactsNotPlacedIn12h">Close contacts not at a site within 12 hours of being identified (20:00 of their day).</param>
/// <param name="DaysToSocialZero">The first day (1 = the first simulated) with no social-level case and no hidden infection left; null if not reached.</param>
public sealed record DrillReport(
    DrillPlan Plan,
    int Cases,
    int SocialLevelCases,
    int CloseContacts,
    double? ControlHoursMean,
    double? ControlHoursP90,
    int CasesNotControlled,
    int ContactsNotPlacedIn12h,
    int? DaysToSocialZero,
    IReadOnlyList<DrillReport.Day> Days)
{
    /// <summary>One day: found at social level and under control, hidden infections left, people waiting for a room or bed after the night's allocation.</summary>
    public sealed record Day(DateOnly Date, int Social, int UnderControl, int Hidden, int CloseContacts, int Placed, int Waiting, int WaitingCases);
}
