using Microsoft.Extensions.Time.Testing;

namespace Fangkong.IntegrationTests.Infrastructure;

/// <summary>
/// Test clocks: <see cref="FakeTimeProvider"/>s stopped at the instants tests need, moved only by the
/// test (<c>Advance</c>, <c>SetUtcNow</c>). Started in UTC, as the product's stored times are.
/// </summary>
internal static class Clocks
{
    /// <summary>China Standard Time, where "today" of the product's day-based rules is reckoned.</summary>
    public static readonly TimeSpan China = TimeSpan.FromHours(8);

    public static FakeTimeProvider At(DateTimeOffset instant) => new(instant.ToUniversalTime());

    /// <summary>Noon of <paramref name="day"/> in China, so that "today" is that day whatever rounding a rule uses.</summary>
    public static FakeTimeProvider NoonInChina(DateOnly day) => At(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), China));
}
