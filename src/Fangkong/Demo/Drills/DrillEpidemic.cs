using Fangkong.Demo.Replay;

namespace Fangkong.Demo.Drills;

/// <summary>
/// A drill's transmission model, in counts: hidden infections in the community spread each day
/// and are found by the day's testing in proportion to the share of the city tested (pool size
/// lowers the sensitivity above 10 in a tube); cases waiting at home for a bed, and the days a
/// case's contacts go uncontrolled, add to the spread; open close contacts turn positive, more
/// often while they wait at home than once placed. The model only decides how many are found
/// each day and how many of them under control; the replay's engine picks the people and runs
/// the day through the product's use cases. Every draw comes from the plan's seed and the day.
/// </summary>
internal sealed class DrillEpidemic(DrillPlan plan)
{
    /// <summary>New infections a hidden infection causes a day (about R 1.5 over its hidden days at the default testing).</summary>
    public const double Spread = 0.35;

    /// <summary>New infections a case waiting at home for a bed causes a day.</summary>
    public const double WaitingSpread = 0.15;

    /// <summary>New infections per case and per day its contacts are not yet controlled.</summary>
    public const double DelaySpread = 0.3;

    public const double WaitingContactAttack = 0.12;
    public const double PlacedContactAttack = 0.03;
    public const double ConfirmedShare = 0.55;

    private double _hidden = plan.InitialInfections;
    private int _infected = plan.InitialInfections;

    /// <summary>Hidden infections: neither found nor in quarantine.</summary>
    public int Hidden => (int)Math.Round(_hidden);

    public sealed record Step(DayTarget Target, double UnderControlShare, int Social, int UnderControl, int Hidden);

    /// <summary>
    /// The day's found infections. <paramref name="openContacts"/> are in quarantine or waiting for
    /// it, of whom <paramref name="waitingContacts"/> wait at home; <paramref name="waitingCases"/>
    /// wait for a bed; <paramref name="uncontrolledCases"/> are found cases whose contacts are not
    /// identified yet; <paramref name="swabbed"/> people are tested today.
    /// </summary>
    public Step Next(DateOnly day, int openContacts, int waitingContacts, int waitingCases, int uncontrolledCases, int swabbed)
    {
        var random = new Random(ReplaySeed.Of(plan.Seed, day.DayNumber, 15));
        var sensitivity = plan.PoolSize <= 10 ? 0.95 : 0.95 - 0.01 * (plan.PoolSize - 10);
        var tested = Math.Min(1.0, (double)swabbed / plan.People);
        var social = Draw(random, Hidden, tested * sensitivity);
        var placed = Math.Max(0, openContacts - waitingContacts);
        var underControl = Math.Min(openContacts, Draw(random, Math.Min(waitingContacts, openContacts), WaitingContactAttack) + Draw(random, placed, PlacedContactAttack));

        // Spread after finding: the found are isolated tonight; what remains hidden, and who waits, infects.
        var remaining = Math.Max(0, _hidden - social);
        var pressure = remaining * Spread + waitingCases * WaitingSpread + uncontrolledCases * DelaySpread;
        var room = Math.Max(0, (int)(plan.People * 0.3) - _infected);
        var infected = Math.Min(room, (int)Math.Round(pressure * (0.9 + 0.2 * random.NextDouble())));
        _infected += infected;
        _hidden = remaining + infected;

        var total = social + underControl;
        var confirmed = (int)Math.Round(total * ConfirmedShare);
        var target = new DayTarget(day, confirmed, total - confirmed, 0, (int)Math.Round(confirmed * 0.028), (int)Math.Round(confirmed * 0.0025), Published: false);
        return new Step(target, total == 0 ? 0 : (double)underControl / total, social, underControl, Hidden);
    }

    /// <summary>How many of <paramref name="n"/> a draw of probability <paramref name="p"/> each takes.</summary>
    private static int Draw(Random random, int n, double p)
    {
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            k += random.NextDouble() < p ? 1 : 0;
        }

        return k;
    }
}
