using Fangkong.Data;
using Fangkong.Supervision.Detectors;
using Fangkong.Supervision.Findings;
using Fangkong.Supervision;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fangkong.Web.Infrastructure;

/// <summary>
/// Every <c>Supervision:TickSeconds</c> (default 60; 0 turns it off) runs the detectors that are
/// due by their own schedule, then escalates overdue findings (<c>Supervision:EscalateEveryHours</c>,
/// default 24).
/// </summary>
public sealed partial class SupervisionScheduler(IServiceScopeFactory scopes, IOptions<SupervisionOptions> options, TimeProvider time, ILogger<SupervisionScheduler> logger)
    : PeriodicSystemJob(scopes, time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.TickSeconds);

    protected override async Task TickAsync(FangkongDbContext system, CancellationToken ct)
    {
        var report = await RunDetectors.HandleAsync(system, Time, new RunDetectors.Command(DetectorCatalog.All, options.Value.For), ct);
        foreach (var line in report.Lines.Where(l => l.Raised > 0 || l.Error is not null || l.Unassigned.Count > 0))
        {
            LogRan(logger, line.Key, line.Raised, line.Unassigned.Count, line.Error ?? string.Empty);
        }

        var escalated = await EscalateOverdue.HandleAsync(system, Time, options.Value.EscalateEvery, ct);
        if (escalated.Escalated > 0)
        {
            LogEscalated(logger, escalated.Escalated);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Detector {Key}: {Raised} findings raised, {Unassigned} without an owner unit {Error}")]
    private static partial void LogRan(ILogger logger, string key, int raised, int unassigned, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} overdue findings escalated")]
    private static partial void LogEscalated(ILogger logger, int count);
}
