using Fangkong.Data;
using Fangkong.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fangkong.Web.Infrastructure;

/// <summary>
/// Every <c>Testing:SweepEverySeconds</c> (default 30; 0 turns it off), traces the positive and
/// invalid tubes whose tracing did not finish with their result (<see cref="SweepUntraced"/>).
/// </summary>
public sealed partial class TracingSweepService(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<TracingSweepService> logger)
    : PeriodicSystemJob(scopes, time, logger)
{
    public static readonly TimeSpan Every = TimeSpan.FromSeconds(30);

    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Testing:SweepEverySeconds", Every.TotalSeconds));

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
