using System.Globalization;
using Fangkong.Areas;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Regions;

namespace Fangkong.InfectionFree;

/// <summary>
/// The infection-free criteria of labels' units on a day, from the area criteria evaluator (one
/// set-based evaluation per scope, not one per label), and the words for what fails.
/// </summary>
public static class LabelCriteria
{
    /// <summary>The criteria of one compound or village; null when the unit is not found in the caller's jurisdiction.</summary>
    public static async Task<Result<AreaCriteria?>> ForAsync(
        FangkongDbContext db, LabelKind kind, long? compoundId, string regionCode, DateOnly day, AreaCriteriaSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var lines = kind == LabelKind.Compound
            ? await EvaluateAreaCriteria.ForCompoundsAsync(db, regionCode, day, settings, ct)
            : await EvaluateAreaCriteria.ForRegionsAsync(db, regionCode, RegionLevel.Community, day, settings, ct);
        if (!lines.IsSuccess)
        {
            return lines.Error!;
        }

        var key = kind == LabelKind.Compound ? compoundId!.Value.ToString(CultureInfo.InvariantCulture) : regionCode;
        return Result<AreaCriteria?>.Ok(lines.Value!.FirstOrDefault(l => l.Key == key));
    }

    /// <summary>Criteria of every open label, evaluated per county (the evaluator's scope) in a handful of queries each.</summary>
    public static async Task<Result<Dictionary<long, AreaCriteria?>>> ForLabelsAsync(
        FangkongDbContext db, IReadOnlyList<InfectionFreeLabel> labels, DateOnly day, AreaCriteriaSettings settings, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(labels);
        var result = new Dictionary<long, AreaCriteria?>();
        foreach (var county in labels.GroupBy(l => (County: l.RegionCode[..Math.Min(6, l.RegionCode.Length)], l.Kind)))
        {
            var lines = county.Key.Kind == LabelKind.Compound
                ? await EvaluateAreaCriteria.ForCompoundsAsync(db, county.Key.County, day, settings, ct)
                : await EvaluateAreaCriteria.ForRegionsAsync(db, county.Key.County, RegionLevel.Community, day, settings, ct);
            if (!lines.IsSuccess)
            {
                return lines.Error!;
            }

            var byKey = lines.Value!.ToDictionary(l => l.Key, StringComparer.Ordinal);
            foreach (var label in county)
            {
                result[label.Id] = byKey.GetValueOrDefault(label.UnitKey);
            }
        }

        return result;
    }

    /// <summary>What fails, in Chinese and English; empty when all three criteria hold.</summary>
    public static IReadOnlyList<string> Failures(AreaCriteria? c, AreaCriteriaSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (c is null)
        {
            return [ErrorText.Of("error.infection-free.unit-residents-were-not-found")];
        }

        var list = new List<string>();
        if (!c.NoNewInfection)
        {
            list.Add(ErrorText.Of("error.infection-free.new-infection-less-days-ago", c.LastInfectionOn, settings.CleanDays));
        }

        if (!c.ContactsCleared)
        {
            list.Add(c.LastContactTestedNegative == true
                ? ErrorText.Of("error.infection-free.last-close-contact-exposed-less", c.LastContactExposureOn, settings.CleanDays)
                : ErrorText.Of("error.infection-free.last-close-contacts-no-negative"));
        }

        if (!c.RoundClean)
        {
            list.Add(c.RoundId is null
                ? ErrorText.Of("error.infection-free.no-full-testing-round-last", settings.RoundWindowDays)
                : ErrorText.Of("error.infection-free.round-not-complete-negative-negative", c.RoundId, c.RoundNegative, c.Residents, c.RoundPositive, c.RoundMissing));
        }

        return list;
    }

    public static string Describe(IReadOnlyList<string> failures) => string.Join("；", failures);
}
