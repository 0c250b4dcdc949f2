using Fangkong.Data;
using Fangkong.Livelihood;
using Fangkong.Livelihood.Requests;
using Fangkong.Web.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fangkong.Web.Livelihood;

/// <summary>
/// Escalates overdue residents' requests one level up (逐级督办) every
/// <c>Livelihood:SweepEveryMinutes</c> (default 5; 0 turns it off), as the system.
/// </summary>
public sealed partial class RequestsSweepService(IServiceScopeFactory scopes, IOptions<LivelihoodOptions> options, TimeProvider time, ILogger<RequestsSweepService> logger)
    : PeriodicSystemJob(scopes, time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.SweepEveryMinutes);

    protected override async Task TickAsync(FangkongDbContext system, CancellationToken ct)
    {
        var swept = await EscalateOverdueRequests.HandleAsync(system, Time, options.Value, ct);
        if (swept.Escalated > 0)
        {
            LogEscalated(logger, swept.Escalated, swept.Overdue);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalated {Escalated} of {Overdue} overdue residents' requests")]
    private static partial void LogEscalated(ILogger logger, int escalated, int overdue);
}
