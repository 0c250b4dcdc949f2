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
        };
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

    /// <summary>Every figure that differs; a figure missing on one side counts as 0 there.</summary>
    public static IReadOnlyList<Difference> Compare(IReadOnlyDictionary<string, int> published, IReadOnlyDictionary<string, int> now)
    {
        ArgumentNullException.ThrowIfNull(published);
        ArgumentNullException.ThrowIfNull(now);
        return published.Keys.Union(now.Keys).OrderBy(k => k, StringComparer.Ordinal)
            .Select(k => new Difference(k, published.GetValueOrDefault(k), now.GetValueOrDefault(k)))
            .Where(d => d.Published != d.Now)
            .ToList();
    }

    private static void Units(SortedDictionary<string, int> f, string name, UnitFigures figures)
    {
        foreach (var u in figures.ByUnit)
        {
            f[$"{name}/{u.Code} {u.Name}"] = u.Count;
        }
    }
}
