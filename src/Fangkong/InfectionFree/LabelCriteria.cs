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
            return ["找不到该小区（村）或其居民 (the unit or its residents were not found)"];
        }

        var list = new List<string>();
        if (!c.NoNewInfection)
        {
            list.Add(string.Create(CultureInfo.InvariantCulture,
                $"{c.LastInfectionOn:yyyy-MM-dd} 有新增感染，未满 {settings.CleanDays} 天 (a new infection on {c.LastInfectionOn:yyyy-MM-dd}, less than {settings.CleanDays} days ago)"));
        }

        if (!c.ContactsCleared)
        {
            list.Add(c.LastContactTestedNegative == true
                ? string.Create(CultureInfo.InvariantCulture, $"最后一名密接 {c.LastContactExposureOn:yyyy-MM-dd} 暴露，未满 {settings.CleanDays} 天 (the last close contact was exposed on {c.LastContactExposureOn:yyyy-MM-dd}, less than {settings.CleanDays} days ago)")
                : "最后一批密接暴露后未检测阴性 (the last close contacts have no negative test since exposure)");
        }

        if (!c.RoundClean)
        {
            list.Add(c.RoundId is null
                ? string.Create(CultureInfo.InvariantCulture, $"近 {settings.RoundWindowDays} 天内没有全员核酸检测 (no full testing round in the last {settings.RoundWindowDays} days)")
                : string.Create(CultureInfo.InvariantCulture,
                    $"第 {c.RoundId} 轮全员核酸未全部阴性：阴性 {c.RoundNegative}/{c.Residents} 人，阳性 {c.RoundPositive}，未检 {c.RoundMissing} (round {c.RoundId} is not complete and negative: {c.RoundNegative} of {c.Residents} negative, {c.RoundPositive} positive, {c.RoundMissing} missing)"));
        }

        return list;
    }

    public static string Describe(IReadOnlyList<string> failures) => string.Join("；", failures);
}
