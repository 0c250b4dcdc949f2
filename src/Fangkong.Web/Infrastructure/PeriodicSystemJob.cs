using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fangkong.Web.Infrastructure;

/// <summary>
/// A background job that acts as the system at a fixed interval: a new scope and system context
/// per tick, so one tick's tracked entities never leak into the next; a failed tick is logged and
/// the next one tries again. An interval of zero or less turns the job off (the settings' "0").
/// </summary>
public abstract partial class PeriodicSystemJob(IServiceScopeFactory scopes, TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time => time;

    /// <summary>Read once at start, from the settings.</summary>
    protected abstract TimeSpan Interval { get; }

    protected abstract Task TickAsync(FangkongDbContext system, CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = Interval;
        if (interval <= TimeSpan.Zero)
        {
            return;
        }

        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await using var system = scope.ServiceProvider.CreateSystemContext();
                await TickAsync(system, stoppingToken);
                FangkongMetrics.JobRan(GetType().Name, succeeded: true);
            }
            catch (DbUpdateConcurrencyException e)
            {
                // A user changed a row the job had read: not a failure; the next tick reads it afresh.
                LogLostRace(logger, GetType().Name, e.Message);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, GetType().Name, e);
                FangkongMetrics.JobRan(GetType().Name, succeeded: false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Job} lost a race with a user's change and runs again at the next tick: {Message}")]
    private static partial void LogLostRace(ILogger logger, string job, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Job} failed; it runs again at the next tick")]
    private static partial void LogFailed(ILogger logger, string job, Exception exception);
}
