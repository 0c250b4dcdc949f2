using Fangkong.Data;
using Fangkong.Quarantine;
using Fangkong.Quarantine.Allocation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fangkong.Web.Infrastructure;

/// <summary>
/// Runs the allocation again when capacity grows (a site registered, rooms or beds disinfected or
/// back in service): every <c>Quarantine:CheckCapacityMinutes</c> (default 5; 0 turns it off) it
/// counts the free rooms and beds and, if there are more than at the last check, allocates as the
/// system. The first check only records the count. A new scope per tick; a failed tick is logged.
/// </summary>
public sealed partial class QuarantineAllocationService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<QuarantineAllocationService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("Quarantine:CheckCapacityMinutes", 5);
        if (minutes <= 0)
        {
            return;
        }

        int? last = null;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await using var system = scope.ServiceProvider.CreateSystemContext();
                var free = await system.QuarantineRooms.CountAsync(r => r.State == SpaceState.Available, stoppingToken)
                    + await system.HospitalBeds.CountAsync(b => b.State == SpaceState.Available, stoppingToken);
                if (last is { } before && free > before)
                {
                    var run = await RunAllocation.HandleAsync(system, time, stoppingToken);
                    if (run.IsSuccess)
                    {
                        LogRan(logger, free - before, run.Value!.Placed, run.Value.Unplaced);
                        free -= run.Value.Placed;
                    }
                    else
                    {
                        LogRefused(logger, run.Error!.Message);
                    }
                }

                last = free;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Capacity grew by {Added}: allocation placed {Placed}, {Unplaced} still waiting")]
    private static partial void LogRan(ILogger logger, int added, int placed, int unplaced);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Allocation after a capacity change was refused: {Message}")]
    private static partial void LogRefused(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Capacity check failed; it runs again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
