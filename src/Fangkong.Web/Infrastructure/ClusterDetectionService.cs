using Fangkong.Cases.Clusters;
using Fangkong.Data;
using Fangkong.Web.Apis;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Fangkong.Web.Infrastructure;

/// <summary>
/// Recomputes the clusters as of today on a schedule (<c>Clusters:DetectEveryMinutes</c>, default
/// 60; 0 turns it off). Detection is idempotent, so a tick with nothing new changes nothing. A new
/// scope per tick; a failed tick is logged and the next one tries again.
/// </summary>
public sealed partial class ClusterDetectionService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<ClusterDetectionService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("Clusters:DetectEveryMinutes", 60);
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
                var result = await DetectClusters.HandleAsync(system, new DetectClusters.Command(ClustersApi.Today(time), ClustersApi.Settings(configuration)), stoppingToken);
                if (result.IsSuccess && (result.Value!.Formed + result.Value.Grew + result.Value.Merged) > 0)
                {
                    LogDetected(logger, result.Value.Formed, result.Value.Grew, result.Value.Merged);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster detection: {Formed} formed, {Grew} grew, {Merged} merged")]
    private static partial void LogDetected(ILogger logger, int formed, int grew, int merged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster detection refused its settings: {Message}")]
    private static partial void LogRefused(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Cluster detection failed; it runs again at the next tick")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
