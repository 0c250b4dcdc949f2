using System.Threading.RateLimiting;

namespace Fangkong.Persons;

/// <summary>
/// How many searches by identity number or phone one user may make in a sliding window. An exact
/// number search answers "does this number belong to someone here?", so without a limit a masked
/// phone (four hidden digits) falls to 10,000 searches; with it, to weeks of refused requests that
/// are all on the audit log. One instance per process (a singleton): the count is per user name.
/// </summary>
public sealed class NumberSearchLimiter : IDisposable
{
    /// <summary>Searches by number per user and window.</summary>
    public const int DefaultLimit = 10;

    private readonly PartitionedRateLimiter<string> _limiter;

    public NumberSearchLimiter()
        : this(DefaultLimit, TimeSpan.FromMinutes(10))
    {
    }

    public NumberSearchLimiter(int limit, TimeSpan window)
    {
        Limit = limit;
        Window = window;
        _limiter = PartitionedRateLimiter.Create<string, string>(user => RateLimitPartition.GetSlidingWindowLimiter(
            user,
            _ => new SlidingWindowRateLimiterOptions { PermitLimit = limit, Window = window, SegmentsPerWindow = 10, QueueLimit = 0 }));
    }

    public int Limit { get; }

    public TimeSpan Window { get; }

    /// <summary>Takes one search from <paramref name="userName"/>'s allowance; false when it is used up.</summary>
    public bool TryTake(string userName)
    {
        using var lease = _limiter.AttemptAcquire(userName);
        return lease.IsAcquired;
    }

    public void Dispose() => _limiter.Dispose();
}
