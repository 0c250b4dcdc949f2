using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Fangkong.Web.Infrastructure.Security;

/// <summary>
/// Throttles password guessing with the rate limiters of System.Threading.RateLimiting (the ones
/// the ASP.NET Core rate-limiting middleware is built on). Only failures are counted: a checkpoint
/// where twenty terminals sign in to one shared account at the start of a shift is never slowed,
/// and an attacker guessing from one address throttles that address and that account-and-address
/// pair, not the account for everybody. The per-account limit, over all addresses, stops a guess
/// spread over many addresses; it lifts by itself once the guessing stops, so nobody can lock an
/// account out for good (there is no hard lockout: see ADR 0014).
/// </summary>
public sealed class LoginThrottle : IDisposable
{
    private readonly PartitionedRateLimiter<string> _perAddress;
    private readonly PartitionedRateLimiter<string> _perAccountAndAddress;
    private readonly PartitionedRateLimiter<string> _perAccount;
    private readonly TimeSpan _longestWindow;

    public LoginThrottle(IOptions<SecurityOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limits = options.Value.Login;
        _perAddress = Limiter(limits.FailuresPerAddress, limits.AddressWindow);
        _perAccountAndAddress = Limiter(limits.FailuresPerAccountAndAddress, limits.AccountWindow);
        _perAccount = Limiter(limits.FailuresPerAccount, limits.AccountWindow);
        _longestWindow = limits.AccountWindow > limits.AddressWindow ? limits.AccountWindow : limits.AddressWindow;
    }

    /// <summary>How long to wait when a limit is spent; null when the attempt may go ahead. Takes no permit.</summary>
    public TimeSpan? Blocked(string account, string address)
    {
        foreach (var (limiter, key) in Keys(account, address))
        {
            using var lease = limiter.AttemptAcquire(key, 0);
            if (!lease.IsAcquired)
            {
                return lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : _longestWindow;
            }
        }

        return null;
    }

    /// <summary>Counts one failed attempt against the address, the pair and the account.</summary>
    public void RecordFailure(string account, string address)
    {
        foreach (var (limiter, key) in Keys(account, address))
        {
            // A spent limit refuses the permit; the next Blocked call then answers 429.
            using var lease = limiter.AttemptAcquire(key);
        }
    }

    public void Dispose()
    {
        _perAddress.Dispose();
        _perAccountAndAddress.Dispose();
        _perAccount.Dispose();
    }

    private IEnumerable<(PartitionedRateLimiter<string> Limiter, string Key)> Keys(string account, string address)
    {
        yield return (_perAddress, address);
        yield return (_perAccountAndAddress, account + "\n" + address);
        yield return (_perAccount, account);
    }

    private static PartitionedRateLimiter<string> Limiter(int failures, TimeSpan window) =>
        PartitionedRateLimiter.Create<string, string>(key => RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, failures),
            Window = window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
}
