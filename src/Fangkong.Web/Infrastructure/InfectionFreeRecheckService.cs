using Fangkong.Common;
using Fangkong.Data;
using Fangkong.InfectionFree;
using Fangkong.Web.Apis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fangkong.Web.Infrastructure;

/// <summary>
/// Re-checks every open infection-free label (<c>InfectionFree:RecheckEveryMinutes</c>, default 60;
/// 0 turns it off), so that a label is removed within the hour of the data that disqualifies it,
/// not only at the daily run. Idempotent; a new scope per tick; a failed tick is logged.
/// </summary>
public sealed partial class InfectionFreeRecheckService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<InfectionFreeRecheckService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("InfectionFree:RecheckEveryMinutes", 60);
        if (minutes <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await using var system = scope.ServiceProvider.CreateSystemContext();
                var result = await RecheckLabels.HandleAsync(system, time, ChinaTime.Today(time), InfectionFreeApi.CriteriaSettings(configuration), stoppingToken);
                if (result.IsSuccess && result.Value!.Removed > 0)
                {
                    LogRemoved(logger, result.Value.Removed, result.Value.Checked);
                }
                else if (!result.IsSuccess)
                {
                    LogRefused(logger, result.Error!.Message);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogFailed(logger, e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Infection-free re-check: {Removed} of {Checked} labels removed")]
    private static partial void LogRemoved(ILogger logger, int removed, int @checked);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Infection-free re-check refused: {Message}")]
    private static partial void LogRefused(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Infection-free re-check failed; it runs again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
