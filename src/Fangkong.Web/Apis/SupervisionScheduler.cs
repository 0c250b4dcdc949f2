using Fangkong.Data;
using Fangkong.Supervision.Detectors;
using Fangkong.Supervision.Findings;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fangkong.Web.Apis;

/// <summary>
/// Every <c>Supervision:TickSeconds</c> (default 60; 0 turns it off) runs the detectors that are
/// due by their own schedule, then escalates overdue findings (<c>Supervision:EscalateEveryHours</c>,
/// default 24). A new scope per tick; a failed tick is logged and the next one tries again.
/// </summary>
public sealed partial class SupervisionScheduler(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<SupervisionScheduler> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Supervision:TickSeconds", 60);
        if (seconds <= 0)
        {
            return;
        }

        var every = TimeSpan.FromHours(Math.Max(1, configuration.GetValue("Supervision:EscalateEveryHours", 24)));
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await using var system = scope.ServiceProvider.CreateSystemContext();
                var report = await RunDetectors.HandleAsync(system, time, new RunDetectors.Command(DetectorCatalog.All, SupervisionApi.Settings(configuration)), stoppingToken);
                foreach (var line in report.Lines.Where(l => l.Raised > 0 || l.Error is not null || l.Unassigned.Count > 0))
                {
                    LogRan(logger, line.Key, line.Raised, line.Unassigned.Count, line.Error ?? string.Empty);
                }

                var escalated = await EscalateOverdue.HandleAsync(system, time, every, stoppingToken);
                if (escalated.Escalated > 0)
                {
                    LogEscalated(logger, escalated.Escalated);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Detector {Key}: {Raised} findings raised, {Unassigned} without an owner unit {Error}")]
    private static partial void LogRan(ILogger logger, string key, int raised, int unassigned, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} overdue findings escalated")]
    private static partial void LogEscalated(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "The supervision tick failed; it runs again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
