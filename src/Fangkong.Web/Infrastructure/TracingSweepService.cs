using Fangkong.Data;
using Fangkong.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Fangkong.Web.Infrastructure;

/// <summary>
/// Every <c>Testing:SweepEverySeconds</c> (default 30; 0 turns it off), traces the positive and
/// invalid tubes whose tracing did not finish with their result (<see cref="SweepUntraced"/>).
/// </summary>
public sealed partial class TracingSweepService(IServiceScopeFactory scopes, IOptions<TestingOptions> options, TimeProvider time, ILogger<TracingSweepService> logger)
    : PeriodicSystemJob(scopes, time, logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.SweepEverySeconds);

    protected override async Task TickAsync(FangkongDbContext system, CancellationToken ct)
    {
        var report = await SweepUntraced.HandleAsync(system, Time, ct);
        if (report.Tubes > 0)
        {
            LogSwept(logger, report.Tubes, report.PeopleControlled);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Traced {Tubes} tubes left untraced; {People} people put under control")]
    private static partial void LogSwept(ILogger logger, int tubes, int people);
}
