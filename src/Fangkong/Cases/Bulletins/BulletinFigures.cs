using System.Globalization;
using System.Text;

namespace Fangkong.Cases.Bulletins;

/// <summary>
/// The figures of a bulletin as named numbers in a fixed order — totals, clinical types, and each
/// reporting unit's line — so that a published bulletin and a recomputed one compare figure by
/// figure, and a difference can be named ("新增确诊/吉林市: 5 → 7").
/// </summary>
public static class BulletinFigures
{
    public sealed record Difference(string Figure, int Published, int Now);

    public static SortedDictionary<string, int> Of(DailyBulletin b)
    {
        ArgumentNullException.ThrowIfNull(b);
        var f = new SortedDictionary<string, int>(StringComparer.Ordinal)
        {
            ["新增确诊"] = b.NewConfirmed.Total,
            ["新增确诊/轻型"] = b.NewConfirmed.Mild,
            ["新增确诊/普通型"] = b.NewConfirmed.Moderate,
            ["新增确诊/重型"] = b.NewConfirmed.Severe,
            ["新增确诊/危重型"] = b.NewConfirmed.Critical,
            ["新增确诊/无症状转确诊"] = b.NewConfirmed.Converted,
            ["新增无症状"] = b.NewAsymptomatic.Total,
            ["治愈出院"] = b.Discharged.Total,
            ["解除医学观察"] = b.ReleasedFromObservation.Total,
            ["累计密接"] = b.ContactsToDate.Close,
            ["累计密接解除隔离"] = b.ContactsToDate.CloseReleased,
            ["累计次密接"] = b.ContactsToDate.Secondary,
            ["累计次密接解除隔离"] = b.ContactsToDate.SecondaryReleased,
            ["境外输入确诊"] = b.Imported?.Confirmed ?? 0,
            ["境外输入无症状"] = b.Imported?.Asymptomatic ?? 0,
            [FormatKey] = CurrentFormat,
        };
        if (b.Standing is { } s)
        {
            f["死亡"] = s.Deaths.Total;
            f["累计治愈出院和解除医学观察"] = s.RecoveredToDate.Total;
            f["在院治疗"] = s.InHospital;
            f["入院"] = s.AdmittedToday;
            f["出院和解除医学观察"] = s.LeftToday;
            f["出院超过入院连续天数"] = s.LeftExceedsAdmittedDays;
            Units(f, "死亡", s.Deaths);
            Units(f, "累计治愈出院和解除医学观察", s.RecoveredToDate);
        }

        if (b.Found is { } found)
        {
            f["新增确诊/管控期间筛查"] = found.Confirmed.UnderControl;
            f["新增确诊/社会面筛查"] = found.Confirmed.SocialLevel;
            f["新增确诊/未分类"] = found.Confirmed.Unclassified;
            f["新增无症状/管控期间筛查"] = found.Asymptomatic.UnderControl;
            f["新增无症状/社会面筛查"] = found.Asymptomatic.SocialLevel;
            f["新增无症状/未分类"] = found.Asymptomatic.Unclassified;
        }

        foreach (var u in b.NewConfirmed.ByUnit)
        {
            f[$"新增确诊/{u.Code} {u.Name}"] = u.Count;
        }

        Units(f, "新增无症状", b.NewAsymptomatic);
        Units(f, "治愈出院", b.Discharged);
        Units(f, "解除医学观察", b.ReleasedFromObservation);
        return f;
    }

    public static string Format(IReadOnlyDictionary<string, int> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var text = new StringBuilder();
        foreach (var (name, value) in figures.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            text.Append(name).Append('=').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        return text.ToString();
    }

    public static Dictionary<string, int> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => int.Parse(p[1], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    /// <summary>
    /// Every figure that differs; a figure missing on one side counts as 0 there. A unit's figure is
    /// matched by its code, not its name (a unit that got a short name is the same unit). Figures
    /// that a published bulletin's format did not have yet (format 1, before the 2022 wording) are
    /// not compared: the bulletin did not state them, so they cannot differ from it.
    /// </summary>
    public static IReadOnlyList<Difference> Compare(IReadOnlyDictionary<string, int> published, IReadOnlyDictionary<string, int> now)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(now);
        var format = published.GetValueOrDefault(FormatKey, 1);
        var compared = now.Where(p => format >= CurrentFormat || !AddedInFormat2(p.Key)).ToList();
        var then = ByCode(published);
        var current = ByCode(compared);
        var labels = published.Keys.Concat(compared.Select(p => p.Key)).GroupBy(CodeOf, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        return then.Keys.Union(current.Keys).OrderBy(k => k, StringComparer.Ordinal)
            .Select(k => new Difference(labels.GetValueOrDefault(k, k), then.GetValueOrDefault(k), current.GetValueOrDefault(k)))
            .Where(d => d.Published != d.Now && d.Figure != FormatKey)
            .ToList();
    }

    /// <summary>The figures' format: 2 since the 2022 wording (deaths, recoveries to date, in hospital, where found).</summary>
    public const string FormatKey = "格式";

    public const int CurrentFormat = 2;

    private static readonly string[] Format2Figures = ["死亡", "累计治愈出院和解除医学观察", "在院治疗", "入院", "出院和解除医学观察", "出院超过入院连续天数"];

    private static bool AddedInFormat2(string key) =>
        key == FormatKey || Format2Figures.Any(n => key == n || key.StartsWith(n + "/", StringComparison.Ordinal))
        || key.EndsWith("/管控期间筛查", StringComparison.Ordinal) || key.EndsWith("/社会面筛查", StringComparison.Ordinal) || key.EndsWith("/未分类", StringComparison.Ordinal);

    /// <summary>"新增确诊/2224 延边朝鲜族自治州" and "新增确诊/2224 延边州" are the same figure.</summary>
    private static Dictionary<string, int> ByCode(IEnumerable<KeyValuePair<string, int>> figures)
    {
        var result = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, value) in figures)
        {
            var name = CodeOf(key);
            result[name] = result.GetValueOrDefault(name) + value;
        }

        return result;
    }

    private static string CodeOf(string key)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        return space < 0 ? key : key[..space];
    }

    private static void Units(SortedDictionary<string, int> f, string name, UnitFigures figures)
    {
        foreach (var u in figures.ByUnit)
        {
            f[$"{name}/{u.Code} {u.Name}"] = u.Count;
        }
    }
}
