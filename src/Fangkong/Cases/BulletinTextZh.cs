using System.Globalization;
using System.Text;
using Fangkong.Regions;

namespace Fangkong.Cases;

/// <summary>
/// The Health Commission's wording (卫健委通报), as in the bulletins of March–April 2022:
/// "4月8日0-24时，全省新增本土确诊病例248例（轻型242例、普通型4例、重型2例）。其中，长春市150例
/// （含50例无症状感染者转为确诊病例）、…。新增本土无症状感染者706例，其中长春市648例、…。" Only the
/// clinical types present are listed; "（含m例…）" only where m &gt; 0; a day without new cases says
/// "无新增…". A city's bulletin is its numbered notice (<see cref="CityNoticeTextZh"/>).
/// </summary>
public static class BulletinTextZh
{
    public static string Render(DailyBulletin bulletin)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        if (bulletin.Region.Level == RegionLevel.City)
        {
            return CityNoticeTextZh.Render(bulletin);
        }

        var scope = Scope(bulletin.Region);
        var day = BulletinSentencesZh.Day(bulletin.Date);
        var c = bulletin.NewConfirmed;
        var a = bulletin.NewAsymptomatic;
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{day}0-24时，{scope}");
        if (!BulletinSentencesZh.NoneNew(text, c, a))
        {
            if (c.Total > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"新增本土确诊病例{c.Total}例（").AppendJoin('、', BulletinSentencesZh.Types(c).Select(t => $"{t.Name}{t.Count}例")).Append("）。");
                text.Append("其中，").AppendJoin('、', BulletinOrder.ByCount(c.ByUnit, u => u.Count, u => u.Code).Select(BulletinSentencesZh.ConfirmedUnit)).Append('。');
            }

            BulletinSentencesZh.Units(text, "新增本土无症状感染者", "本土无症状感染者", a);
        }

        if (bulletin.Imported is { } imported && imported.Confirmed + imported.Asymptomatic > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"新增境外输入确诊病例{imported.Confirmed}例，境外输入无症状感染者{imported.Asymptomatic}例。");
        }

        if (c.Total + a.Total > 0)
        {
            text.Append(BulletinSentencesZh.Handling);
        }

        BulletinSentencesZh.Outcomes(text, bulletin, scope);
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
}
