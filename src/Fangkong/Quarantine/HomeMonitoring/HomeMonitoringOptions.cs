using System.ComponentModel.DataAnnotations;

namespace Fangkong.Quarantine.HomeMonitoring;

/// <summary>The <c>HomeMonitoring</c> section.</summary>
public sealed class HomeMonitoringOptions
{
    public const string Section = "HomeMonitoring";

    /// <summary>A breach of home quarantine must be reported within this many hours (local practice, DOMAIN.md).</summary>
    [Range(0.25, 72)]
    public double BreachReportHours { get; set; } = HomeMonitoringSettings.DefaultBreachReportHours;

    public HomeMonitoringSettings Settings => new() { BreachReportHours = BreachReportHours };
}
