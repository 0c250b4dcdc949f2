namespace Fangkong.Common;

/// <summary>
/// A dated, region-scoped edition of a rule (a prevention plan version, a treatment plan, a lab's
/// cut-offs): in force from <see cref="EffectiveFrom"/> for the regions under <see cref="RegionPrefix"/>.
/// </summary>
public interface IRegionalEdition
{
    long Id { get; }

    string RegionPrefix { get; }

    DateOnly EffectiveFrom { get; }
}

/// <summary>Which edition is in force: one rule for every versioned rule line.</summary>
public static class RegionalEdition
{
    /// <summary>Effective on <paramref name="date"/> and covering <paramref name="regionCode"/>.</summary>
    public static bool AppliesTo(this IRegionalEdition edition, string regionCode, DateOnly date) =>
        edition.EffectiveFrom <= date && regionCode.StartsWith(edition.RegionPrefix, StringComparison.Ordinal);

    /// <summary>Among the editions that apply, the most specific region wins, then the latest effective date, then the latest added.</summary>
    public static T? InForce<T>(IEnumerable<T> editions, string regionCode, DateOnly date)
        where T : class, IRegionalEdition =>
        editions.Where(e => e.AppliesTo(regionCode, date))
            .OrderByDescending(e => e.RegionPrefix.Length)
            .ThenByDescending(e => e.EffectiveFrom)
            .ThenByDescending(e => e.Id)
            .FirstOrDefault();
}
