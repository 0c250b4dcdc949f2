using Fangkong.Common;

namespace Fangkong.Demo.Replay;

/// <summary>
/// The replay's clock: a <see cref="TimeProvider"/> that stands where the driver puts it (a day of
/// 2022, an hour of that day in China), so every record a use case writes with its time provider
/// carries the simulated date, not today's.
/// </summary>
public sealed class SimulationClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start.ToUniversalTime();

    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves to <paramref name="hour"/>:00 of <paramref name="day"/> in China; never backwards.</summary>
    public void MoveTo(DateOnly day, int hour)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(hour);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(hour, 23);
        var next = ChinaTime.StartOf(day).AddHours(hour);
        if (next < _now)
        {
            throw new InvalidOperationException($"The simulation clock cannot go back from {_now:O} to {next:O}.");
        }

        _now = next;
    }

    /// <summary>The clock at 00:00 of <paramref name="day"/> in China.</summary>
    public static SimulationClock StartingOn(DateOnly day) => new(ChinaTime.StartOf(day));
}
