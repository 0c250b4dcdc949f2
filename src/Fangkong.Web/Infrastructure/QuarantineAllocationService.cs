using Fangkong.Data;
using Fangkong.Quarantine;
using Fangkong.Quarantine.Allocation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fangkong.Web.Infrastructure;

/// <summary>
/// Runs the allocation again when capacity grows (a site registered, rooms or beds disinfected or
/// back in service): every <c>Quarantine:CheckCapacityMinutes</c> (default 5; 0 turns it off) it
/// counts the free rooms and beds and, if there are more than at the last check, allocates as the
/// system. The first check only records the count.
/// </summary>
public sealed partial class QuarantineAllocationService(IServiceScopeFactory scopes, IOptions<QuarantineOptions> options, TimeProvider time, ILogger<QuarantineAllocationService> logger)
    : PeriodicSystemJob(scopes, time, logger)
{
    private int? _lastFree;

    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.CheckCapacityMinutes);

    protected override async Task TickAsync(FangkongDbContext system, CancellationToken ct)
    {
        var free = await system.QuarantineRooms.CountAsync(r => r.State == SpaceState.Available, ct)
            + await system.HospitalBeds.CountAsync(b => b.State == SpaceState.Available, ct);
        if (_lastFree is { } before && free > before)
        {
            var run = await RunAllocation.HandleAsync(system, Time, ct);
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

        _lastFree = free;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Capacity grew by {Added}: allocation placed {Placed}, {Unplaced} still waiting")]
    private static partial void LogRan(ILogger logger, int added, int placed, int unplaced);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Allocation after a capacity change was refused: {Message}")]
    private static partial void LogRefused(ILogger logger, string message);
}
