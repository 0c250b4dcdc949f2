namespace Fangkong.Testing;

/// <summary>
/// Which validated pool size needs the fewest tests at a given positivity (Dorfman: tests per
/// person = 1/k + 1 − (1 − p)^k for k &gt; 1, and 1 for single tubes), and how many tests a round
/// of a given population will then need.
/// </summary>
public static class PoolAdvice
{
    /// <summary>Positivity assumed where the area has no recent results: DOMAIN §4's low-prevalence case.</summary>
    public const double DefaultPositivity = 0.001;

    public sealed record Option(int PoolSize, double TestsPerPerson, long ExpectedTests);

    /// <param name="MaxPoolSize">The largest pool the plan advises for the area's designation, when one was applied (<see cref="Within"/>).</param>
    public sealed record Advice(double Positivity, bool FromRecentResults, Option Best, IReadOnlyList<Option> Options, int? MaxPoolSize = null);

    public static double TestsPerPerson(int poolSize, double positivity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(poolSize, 1);
        return poolSize == 1 ? 1 : (1.0 / poolSize) + 1 - Math.Pow(1 - positivity, poolSize);
    }

    public static Advice For(double positivity, long population, bool fromRecentResults)
    {
        var p = Math.Clamp(positivity, 0, 1);
        var options = PoolSizes.Valid
            .Select(k => new Option(k, TestsPerPerson(k, p), (long)Math.Ceiling(TestsPerPerson(k, p) * population)))
            .ToList();
        return new Advice(p, fromRecentResults, options.MinBy(o => o.TestsPerPerson)!, options);
    }

    /// <summary>
    /// The advice held to the largest pool the plan advises for the area (issue 15, rule 7): the best
    /// option no larger than <paramref name="maxPoolSize"/>, whatever the positivity would favour.
    /// </summary>
    public static Advice Within(Advice advice, int maxPoolSize)
    {
        ArgumentNullException.ThrowIfNull(advice);
        var allowed = advice.Options.Where(o => o.PoolSize <= maxPoolSize).ToList();
        return allowed.Count == 0 ? advice : advice with { Best = allowed.MinBy(o => o.TestsPerPerson)!, MaxPoolSize = maxPoolSize };
    }
}
