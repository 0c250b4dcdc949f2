namespace Fangkong.Accountability;

/// <summary>
/// One entry of the catalogue: its Chinese and English names, how a notice words it
/// ("受到党内警告处分", "受到免职处理") and, for government sanctions, the months it lasts.
/// </summary>
public sealed record SanctionInfo(SanctionMeasure Measure, SanctionFamily Family, string Zh, string En, string NoticeWording, int? Months);

/// <summary>The sanction catalogue of DOMAIN §7, in order of severity within each family.</summary>
public static class SanctionCatalogue
{
    public static IReadOnlyList<SanctionInfo> All { get; } =
    [
        new(SanctionMeasure.PartyWarning, SanctionFamily.PartyDiscipline, "党内警告", "Party warning", "党内警告处分", null),
        new(SanctionMeasure.PartySeriousWarning, SanctionFamily.PartyDiscipline, "党内严重警告", "Serious party warning", "党内严重警告处分", null),
        new(SanctionMeasure.PartyPostRemoval, SanctionFamily.PartyDiscipline, "撤销党内职务", "Removal from party posts", "撤销党内职务处分", null),
        new(SanctionMeasure.PartyProbation, SanctionFamily.PartyDiscipline, "留党察看", "Party probation", "留党察看处分", null),
        new(SanctionMeasure.PartyExpulsion, SanctionFamily.PartyDiscipline, "开除党籍", "Expulsion from the party", "开除党籍处分", null),
        new(SanctionMeasure.Notice, SanctionFamily.Accountability, "通报", "Circulated criticism", "通报批评", null),
        // 诫勉 is an accountability measure, not a sanction (处分): the notice says 处理.
        new(SanctionMeasure.Admonition, SanctionFamily.Accountability, "诫勉", "Admonition", "诫勉处理", null),
        new(SanctionMeasure.SuspensionForInspection, SanctionFamily.Accountability, "停职检查", "Suspension for inspection", "停职检查处理", null),
        new(SanctionMeasure.PostAdjustment, SanctionFamily.Accountability, "调整职务", "Reassignment", "调整职务处理", null),
        new(SanctionMeasure.OrderedResignation, SanctionFamily.Accountability, "责令辞职", "Ordered to resign", "责令辞职处理", null),
        new(SanctionMeasure.Dismissal, SanctionFamily.Accountability, "免职", "Dismissal from post", "免职处理", null),
        new(SanctionMeasure.Demotion, SanctionFamily.Accountability, "降职", "Demotion", "降职处理", null),
        new(SanctionMeasure.GovernmentWarning, SanctionFamily.GovernmentSanction, "政务警告", "Government warning", "政务警告处分", 6),
        new(SanctionMeasure.GovernmentDemerit, SanctionFamily.GovernmentSanction, "记过", "Demerit", "政务记过处分", 12),
        new(SanctionMeasure.GovernmentMajorDemerit, SanctionFamily.GovernmentSanction, "记大过", "Major demerit", "政务记大过处分", 18),
        new(SanctionMeasure.GovernmentDowngrade, SanctionFamily.GovernmentSanction, "降级", "Downgrade", "政务降级处分", 24),
        new(SanctionMeasure.GovernmentRemoval, SanctionFamily.GovernmentSanction, "撤职", "Removal from office", "政务撤职处分", 24),
        new(SanctionMeasure.GovernmentExpulsion, SanctionFamily.GovernmentSanction, "开除", "Expulsion from public employment", "开除处分", null),
        // The unit's own sanctions, as a notice words them: plain "警告处分" (seed 000, 梅傲霜).
        // Their Chinese names carry the family where 政务处分 has the same word, so that a name reads one way only.
        new(SanctionMeasure.UnitWarning, SanctionFamily.UnitSanction, "警告", "Warning (by the unit)", "警告处分", 6),
        new(SanctionMeasure.UnitDemerit, SanctionFamily.UnitSanction, "单位记过", "Demerit (by the unit)", "记过处分", 12),
        new(SanctionMeasure.UnitDowngrade, SanctionFamily.UnitSanction, "降低岗位等级", "Lower post grade (by the unit)", "降低岗位等级处分", 24),
        new(SanctionMeasure.UnitExpulsion, SanctionFamily.UnitSanction, "单位开除", "Expulsion (by the unit)", "开除处分", null),
    ];

    public static SanctionInfo Of(SanctionMeasure measure) => All.First(s => s.Measure == measure);

    /// <summary>Reads a measure by its code name or Chinese name (e.g. "Dismissal", "免职", "党内警告").</summary>
    public static bool TryParse(string? text, out SanctionMeasure measure)
    {
        measure = default;
        var value = text?.Trim();
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var found = All.FirstOrDefault(s => string.Equals(s.Measure.ToString(), value, StringComparison.OrdinalIgnoreCase) || s.Zh == value);
        if (found is null)
        {
            return false;
        }

        measure = found.Measure;
        return true;
    }

    /// <summary>The measures in catalogue order, each once.</summary>
    public static IReadOnlyList<SanctionMeasure> Ordered(IEnumerable<SanctionMeasure> measures) => [.. measures.Distinct().Order()];

    /// <summary>
    /// How a notice words a person's measures: "党内严重警告处分和免职处理". More than one measure of
    /// the same family would contradict each other and is refused before it gets here.
    /// </summary>
    public static string Wording(IEnumerable<SanctionMeasure> measures)
    {
        var words = Ordered(measures).Select(m => Of(m).NoticeWording).ToList();
        return words.Count switch
        {
            0 => string.Empty,
            1 => words[0],
            _ => string.Join("、", words[..^1]) + "和" + words[^1],
        };
    }
}
