namespace Fangkong.Auditing;

/// <summary>Where a request came from: its address and its User-Agent (either may be unknown).</summary>
public sealed record ClientInfo(string? Address, string? UserAgent)
{
    /// <summary>The console, a background job or a test: no network client.</summary>
    public static ClientInfo None { get; } = new(null, null);
}

/// <summary>Gives the client of the current request; the web host reads it from the connection.</summary>
public interface IClientInfoAccessor
{
    ClientInfo Current { get; }
}
