using Fangkong.Data;

namespace Fangkong.Testing;

/// <summary>
/// "混管追踪" as a reaction: traces the tubes of <see cref="ResultsRecorded"/> once the results are
/// committed, as the system (members may live outside the lab's region). When it fails, the results
/// stay recorded and <see cref="SweepUntraced"/> traces the tubes on its next tick.
/// </summary>
public sealed class TraceRecordedResults : IHandleCommittedEvent<ResultsRecorded>
{
    public async Task<object> HandleAsync(FangkongDbContext system, TimeProvider time, ResultsRecorded domainEvent, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        return await TracePools.HandleAsync(system, time, domainEvent.TubesToTrace, ct);
    }
}
