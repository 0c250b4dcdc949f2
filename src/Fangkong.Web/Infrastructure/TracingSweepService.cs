using Fangkong.Data;
using Fangkong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fangkong.Web.Infrastructure;

/// <summary>
/// Every 30 s, traces the positive and invalid tubes whose tracing did not finish with their
/// result (<see cref="SweepUntraced"/>). A new scope per tick; a failed tick is logged and the
/// next one tries again.
/// </summary>
public sealed partial class TracingSweepService(IServiceScopeFactory scopes, TimeProvider time, ILogger<TracingSweepService> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await using var system = scope.ServiceProvider.CreateSystemContext();
                var report = await SweepUntraced.HandleAsync(system, time, stoppingToken);
                if (report.Tubes > 0)
                {
                    LogSwept(logger, report.Tubes, report.PeopleControlled);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Traced {Tubes} tubes left untraced; {People} people put under control")]
    private static partial void LogSwept(ILogger logger, int tubes, int people);

    [LoggerMessage(Level = LogLevel.Error, Message = "The tracing sweep failed; it runs again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
