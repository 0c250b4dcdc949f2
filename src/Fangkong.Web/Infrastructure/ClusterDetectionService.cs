using Fangkong.Cases.Clusters;
using Fangkong.Data;
using Fangkong.Web.Apis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fangkong.Web.Infrastructure;

/// <summary>
/// Recomputes the clusters as of today on a schedule (<c>Clusters:DetectEveryMinutes</c>, default
/// 60; 0 turns it off). Detection is idempotent, so a tick with nothing new changes nothing.
/// </summary>
public sealed partial class ClusterDetectionService(IServiceScopeFactory scopes, IOptions<ClustersOptions> options, TimeProvider time, ILogger<ClusterDetectionService> logger)
    : PeriodicSystemJob(scopes, time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.DetectEveryMinutes);

    protected override async Task TickAsync(FangkongDbContext system, CancellationToken ct)
    {
        var result = await DetectClusters.HandleAsync(system, new DetectClusters.Command(ClustersApi.Today(Time), options.Value.Settings), ct);
        if (result.IsSuccess && (result.Value!.Formed + result.Value.Grew + result.Value.Merged) > 0)
        {
            LogDetected(logger, result.Value.Formed, result.Value.Grew, result.Value.Merged);
        }
        else if (!result.IsSuccess)
        {
            LogRefused(logger, result.Error!.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster detection: {Formed} formed, {Grew} grew, {Merged} merged")]
    private static partial void LogDetected(ILogger logger, int formed, int grew, int merged);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster detection refused its settings: {Message}")]
    private static partial void LogRefused(ILogger logger, string message);
}
