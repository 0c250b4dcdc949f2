using System.Globalization;
using System.Text;
using Fangkong.Regions;

namespace Fangkong.Cases;

/// <summary>
/// The Health Commission's wording (卫健委通报), as in the bulletins of March–April 2022:
/// "4月8日0-24时，全省新增本土确诊病例248例（轻型242例、普通型4例、重型2例）。其中，长春市150例
/// （含50例无症状感染者转为确诊病例）、…。新增本土无症状感染者706例，其中长春市648例、…。" Only the
/// clinical types present are listed; "（含m例…）" only where m &gt; 0.
/// </summary>
public static class BulletinTextZh
{
    public static string Render(DailyBulletin bulletin)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        var scope = Scope(bulletin.Region);
        var day = Day(bulletin.Date);
        var c = bulletin.NewConfirmed;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{day}0-24时，{scope}新增本土确诊病例{c.Total}例");
        var types = new[] { ("轻型", c.Mild), ("普通型", c.Moderate), ("重型", c.Severe), ("危重型", c.Critical) }.Where(t => t.Item2 > 0).ToList();
        if (c.Total > 0)
        {
            text.Append('（').AppendJoin('、', types.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Item1}{t.Item2}例"))).Append("）。");
            text.Append("其中，").AppendJoin('、', BulletinOrder.ByCount(c.ByUnit, u => u.Count, u => u.Code).Select(u => u.Converted > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{u.Name}{u.Count}例（含{u.Converted}例无症状感染者转为确诊病例）")
                : string.Create(CultureInfo.InvariantCulture, $"{u.Name}{u.Count}例")));
        }

        text.Append('。');
        Units(text, "新增本土无症状感染者", bulletin.NewAsymptomatic);
        if (bulletin.Imported is { } imported && imported.Confirmed + imported.Asymptomatic > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"新增境外输入确诊病例{imported.Confirmed}例，境外输入无症状感染者{imported.Asymptomatic}例。");
        }

        Units(text, "新增治愈出院确诊病例", bulletin.Discharged);
        Units(text, "新增解除隔离医学观察无症状感染者", bulletin.ReleasedFromObservation);
        var k = bulletin.ContactsToDate;
        text.Append(CultureInfo.InvariantCulture,
            $"截至{day}24时，{scope}本次疫情累计排查出密切接触者{k.Close}人，解除隔离{k.CloseReleased}人；次密切接触者{k.Secondary}人，解除隔离{k.SecondaryReleased}人。");
        return text.ToString();
    }

    /// <summary>全省, 全市, or for a county 全区/全县/全市 by the last character of its name.</summary>
    public static string Scope(BulletinRegion region)
    {
        ArgumentNullException.ThrowIfNull(region);
        return region.Level switch
        {
            RegionLevel.Province => "全省",
            RegionLevel.City => "全市",
            _ when region.Name.EndsWith('县') => "全县",
            _ when region.Name.EndsWith('市') => "全市",
            _ when region.Name.EndsWith('旗') => "全旗",
            _ => "全区",
        };
    }

    private static string Day(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Month}月{date.Day}日");

    private static void Units(StringBuilder text, string what, UnitFigures figures)
    {
        text.Append(CultureInfo.InvariantCulture, $"{what}{figures.Total}例");
        if (figures.Total > 0)
        {
            text.Append("，其中").AppendJoin('、', BulletinOrder.ByCount(figures.ByUnit, u => u.Count, u => u.Code).Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.Name}{u.Count}例")));
        }

        text.Append('。');
    }
}
