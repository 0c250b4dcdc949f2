using Fangkong.Common;
using Fangkong.Data;
using Fangkong.InfectionFree;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fangkong.Web.Infrastructure;

/// <summary>
/// Re-checks every open infection-free label (<c>InfectionFree:RecheckEveryMinutes</c>, default 60;
/// 0 turns it off), so that a label is removed within the hour of the data that disqualifies it,
/// not only at the daily run. Idempotent.
/// </summary>
public sealed partial class InfectionFreeRecheckService(IServiceScopeFactory scopes, IOptions<InfectionFreeOptions> options, Areas.AreaCriteriaSettings criteria, TimeProvider time, ILogger<InfectionFreeRecheckService> logger)
    : PeriodicSystemJob(scopes, time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.RecheckEveryMinutes);

    protected override async Task TickAsync(FangkongDbContext system, CancellationToken ct)
    {
        var result = await RecheckLabels.HandleAsync(system, Time, ChinaTime.Today(Time), criteria, ct);
        if (result.IsSuccess && result.Value!.Removed > 0)
        {
            LogRemoved(logger, result.Value.Removed, result.Value.Checked);
        }
        else if (!result.IsSuccess)
        {
            LogRefused(logger, result.Error!.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Infection-free re-check: {Removed} of {Checked} labels removed")]
    private static partial void LogRemoved(ILogger logger, int removed, int @checked);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Infection-free re-check refused: {Message}")]
    private static partial void LogRefused(ILogger logger, string message);
}
