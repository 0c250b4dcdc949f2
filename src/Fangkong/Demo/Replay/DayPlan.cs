using Fangkong.Cases;

namespace Fangkong.Demo.Replay;

/// <summary>
/// Who turns positive on a day and how each is to be classified: some open close contacts (found
/// by their single tubes in quarantine: 管控期间筛查), the rest residents of the day's third of the
/// city (found through 10-in-1 pools: 社会面), and earlier asymptomatic infections that convert.
/// The counts follow the day's <see cref="DayTarget"/> exactly; the choice of people follows the seed.
/// </summary>
internal sealed record DayPlan(
    DayTarget Target,
    IReadOnlyList<ReplayCity.Resident> Swabbed,
    IReadOnlyList<ReplayCity.Resident> ContactTubes,
    IReadOnlyDictionary<long, (CaseType Type, Severity? Severity)> Positives,
    IReadOnlyList<ReplayCity.Unconverted> Conversions,
    int UnderControl)
{
    /// <summary>Every resident is swabbed once in <see cref="Thirds"/> days (Jilin City's citywide rounds came every two to three days).</summary>
    public const int Thirds = 3;

    /// <summary>The share of the day's new infections found among contacts in quarantine, once control took hold.</summary>
    public const double UnderControlShare = 0.9;

    private static readonly DateOnly ControlStarts = new(2022, 3, 4);
    private static readonly DateOnly ControlHolds = new(2022, 3, 14);

    /// <summary>The share of new infections found under control on <paramref name="day"/>: none before 3/4, rising to 90 % by 3/14.</summary>
    public static double ShareUnderControl(DateOnly day) =>
        day <= ControlStarts ? 0
        : day >= ControlHolds ? UnderControlShare
        : UnderControlShare * (day.DayNumber - ControlStarts.DayNumber) / (ControlHolds.DayNumber - ControlStarts.DayNumber);

    /// <summary>
    /// The day's plan; <paramref name="underControlShare"/> overrides the calibration's share and
    /// <paramref name="maxSwabbed"/> caps the people swabbed (a drill's model and its capacity decide them).
    /// </summary>
    public static DayPlan Make(ReplayCity city, DayTarget target, int seed, double? underControlShare = null, int maxSwabbed = int.MaxValue)
    {
        var random = new Random(ReplaySeed.Of(seed, target.Day.DayNumber, 7));
        var conversions = city.UnconvertedAsymptomatic.OrderBy(_ => random.Next()).Take(target.Conversions).ToList();
        var newConfirmed = target.Confirmed - conversions.Count;
        var newPeople = newConfirmed + target.Asymptomatic;

        var underControl = Math.Min((int)Math.Round(newPeople * (underControlShare ?? ShareUnderControl(target.Day))), city.OpenContacts.Count);
        var fromContacts = city.OpenContacts.OrderBy(_ => random.Next()).Take(underControl).Select(c => c.Person).ToList();

        // The day's third of the city, less those in hospital or in quarantine.
        var quarantined = city.OpenContacts.Select(c => c.Person.Id).ToHashSet();
        var third = target.Day.DayNumber % Thirds;
        var swabbed = city.Residents.Where(r => r.Index % Thirds == third && !city.Cases.Contains(r.Id) && !quarantined.Contains(r.Id)).Take(maxSwabbed).ToList();
        var social = newPeople - underControl;
        var candidates = swabbed.Where(r => !city.Contacts.Contains(r.Id)).ToList();
        if (candidates.Count < social)
        {
            throw new ReplayTooSmallException(target.Day, social, candidates.Count);
        }

        var fromSociety = candidates.OrderBy(_ => random.Next()).Take(social).ToList();

        // Types are dealt in a shuffled order: severe, moderate, the other confirmed, then asymptomatic.
        var infected = fromContacts.Concat(fromSociety).OrderBy(_ => random.Next()).ToList();
        var severe = Math.Min(target.Severe, newConfirmed);
        var moderate = Math.Min(target.Moderate, newConfirmed - severe);
        var positives = new Dictionary<long, (CaseType, Severity?)>();
        for (var i = 0; i < infected.Count; i++)
        {
            positives[infected[i].Id] = i < severe ? (CaseType.Confirmed, Severity.Severe)
                : i < severe + moderate ? (CaseType.Confirmed, Severity.Moderate)
                : i < newConfirmed ? (CaseType.Confirmed, Severity.Mild)
                : (CaseType.Asymptomatic, null);
        }

        // In quarantine, contacts are swabbed alone: the ones positive today and those on their first day (test day 1).
        var yesterday = target.Day.AddDays(-1);
        var contactTubes = fromContacts.Concat(city.OpenContacts.Where(c => c.IdentifiedOn == yesterday).Select(c => c.Person))
            .DistinctBy(r => r.Id).OrderBy(r => r.Index).ToList();
        return new DayPlan(target, swabbed, contactTubes, positives, conversions, underControl);
    }
}
