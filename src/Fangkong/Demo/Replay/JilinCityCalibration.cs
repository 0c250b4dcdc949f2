namespace Fangkong.Demo.Replay;

/// <summary>
/// Jilin City's daily new local confirmed and asymptomatic infections, March–April 2022: the
/// figures of its bulletins (DOMAIN.md §6) exactly, and between them an interpolation that is
/// geometric (linear in log(1 + n), as an epidemic grows and wanes) with a deterministic wobble of
/// ±10 % drawn from the seed, so that the days between two published figures are neither flat nor
/// random from run to run. Conversions are 18 on 3/15 (its 通告) and 4.6 % of the confirmed
/// otherwise (the same share); clinical types are 381/11/1 on 3/15 and 2.8 % moderate, 0.25 %
/// severe otherwise. docs/replay.md lists the anchors and the assumed ones.
/// </summary>
public sealed class JilinCityCalibration
{
    public static readonly DateOnly FirstDay = new(2022, 3, 1);
    public static readonly DateOnly DefaultUntil = new(2022, 4, 15);

    /// <summary>The last day a target is defined for: the end of the assumed tail.</summary>
    public static readonly DateOnly LastDay = DefaultUntil;

    private const double Wobble = 0.10;
    private const double ConversionShare = 18.0 / 393;
    private const double ModerateShare = 0.028;
    private const double SevereShare = 0.0025;

    /// <summary>A figure of the curve: published in a bulletin, or assumed to close the curve.</summary>
    public sealed record Anchor(DateOnly Day, int Confirmed, int Asymptomatic, bool Published, int? Conversions = null, int? Moderate = null, int? Severe = null);

    /// <summary>
    /// The published figures, and three assumed ones: no case on 3/1, the city's first positive
    /// on 3/2 (one confirmed case), and a tail of 10 + 8 on 4/15 after social-level zero (4/8).
    /// </summary>
    public static readonly IReadOnlyList<Anchor> Anchors =
    [
        new(new(2022, 3, 1), 0, 0, Published: false),
        new(new(2022, 3, 2), 1, 0, Published: false),
        new(new(2022, 3, 15), 393, 376, Published: true, Conversions: 18, Moderate: 11, Severe: 1),
        new(new(2022, 3, 17), 1_210, 774, Published: true),
        new(new(2022, 3, 20), 452, 545, Published: true),
        new(new(2022, 3, 22), 331, 522, Published: true),
        new(new(2022, 3, 23), 516, 531, Published: true),
        new(new(2022, 4, 2), 230, 397, Published: true),
        new(new(2022, 4, 8), 87, 56, Published: true),
        new(new(2022, 4, 15), 10, 8, Published: false),
    ];

    private readonly int _seed;

    public JilinCityCalibration(int seed)
    {
        _seed = seed;
    }

    /// <summary>The target of <paramref name="day"/>; refused outside 3/1–4/15.</summary>
    public DayTarget For(DateOnly day)
    {
        if (day < FirstDay || day > LastDay)
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"The replay's curve runs from {FirstDay:yyyy-MM-dd} to {LastDay:yyyy-MM-dd}.");
        }

        // A random stream per day, so that a day's figures do not depend on which days ran before.
        var random = new Random(ReplaySeed.Of(_seed, day.DayNumber, 0));
        if (Anchors.FirstOrDefault(a => a.Day == day) is { } anchor)
        {
            return Target(day, anchor.Confirmed, anchor.Asymptomatic, anchor.Published, anchor.Conversions, anchor.Moderate, anchor.Severe);
        }

        var after = Anchors.First(a => a.Day > day);
        var before = Anchors.Last(a => a.Day < day);
        var t = (double)(day.DayNumber - before.Day.DayNumber) / (after.Day.DayNumber - before.Day.DayNumber);
        int Between(int from, int to)
        {
            var curve = Math.Exp(Math.Log(1 + from) + t * (Math.Log(1 + to) - Math.Log(1 + from))) - 1;
            return (int)Math.Round(curve * (1 + Wobble * (2 * random.NextDouble() - 1)));
        }

        return Target(day, Between(before.Confirmed, after.Confirmed), Between(before.Asymptomatic, after.Asymptomatic), false, null, null, null);
    }

    /// <summary>Every day from <paramref name="from"/> to <paramref name="until"/>, both included.</summary>
    public IEnumerable<DayTarget> Days(DateOnly from, DateOnly until)
    {
        for (var day = from; day <= until; day = day.AddDays(1))
        {
            yield return For(day);
        }
    }

    private static DayTarget Target(DateOnly day, int confirmed, int asymptomatic, bool published, int? conversions, int? moderate, int? severe)
    {
        var severeCount = severe ?? (int)Math.Round(confirmed * SevereShare);
        var moderateCount = Math.Min(moderate ?? (int)Math.Round(confirmed * ModerateShare), confirmed - severeCount);
        return new DayTarget(day, confirmed, asymptomatic, conversions ?? (int)Math.Round(confirmed * ConversionShare), moderateCount, severeCount, published);
    }
}
