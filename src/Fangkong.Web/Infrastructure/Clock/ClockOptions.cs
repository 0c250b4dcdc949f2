namespace Fangkong.Web.Infrastructure.Clock;

/// <summary>The "Clock" section: the web's clock.</summary>
public sealed class ClockOptions
{
    public const string Section = "Clock";

    /// <summary>
    /// A day (yyyy-MM-dd) the web's clock stands on, e.g. 2022-03-20 to see a replayed scenario as
    /// the city stood that day (<c>serve --as-of</c>); empty: the real date. The time of day stays real.
    /// </summary>
    public DateOnly? AsOf { get; set; }
}
