namespace Fangkong.Quarantine.HomeMonitoring;

/// <summary>
/// Settings of home monitoring (<c>HomeMonitoring:BreachReportHours</c>). The 2-hour report
/// deadline is local practice recalled as a rule, not a published figure (DOMAIN.md), so it is a
/// setting an administrator can change, not a constant.
/// </summary>
public sealed record HomeMonitoringSettings
{
    public const double DefaultBreachReportHours = 2;

    public double BreachReportHours { get; init; } = DefaultBreachReportHours;

    public TimeSpan BreachReportDeadline => TimeSpan.FromHours(BreachReportHours);
}
