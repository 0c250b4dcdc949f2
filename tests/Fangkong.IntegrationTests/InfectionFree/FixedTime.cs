namespace Fangkong.IntegrationTests.InfectionFree;

/// <summary>A clock stopped at one instant, so that "today" in China is a chosen day.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public static FixedTime NoonOf(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(8)));

    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
