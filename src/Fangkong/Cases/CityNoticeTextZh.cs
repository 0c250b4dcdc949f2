using System.Globalization;
using System.Text;
using Fangkong.Regions;

namespace Fangkong.Cases;

/// <summary>
/// A city's numbered notice (吉林市新冠肺炎疫情防控通告 "2022第N号") in the wording of its 2022
/// notices (DOMAIN.md §6): "3月15日0-24时，全市新增本土确诊病例393例（含18例无症状感染者转为确诊
/// 病例）。新增病例中，轻型381例，普通型11例，重型1例。以上病例均为管控期间筛查新冠病毒核酸阳性感染者。
/// 新增确诊病例中，蛟河市1例、…" — where the cases were found, the counties by name, then the handling
/// sentence. As in the notices, the counties listed are the counties and county-level cities
/// (<see cref="IsListedCounty"/>); the urban districts are the rest of the city's figure.
/// </summary>
public static class CityNoticeTextZh
{
    /// <summary>"吉林市新冠肺炎疫情防控通告（2022第36号）".</summary>
    public static string Title(string cityName, int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{cityName}新冠肺炎疫情防控通告（{year}第{number}号）");

    public static string Render(DailyBulletin bulletin)
    {
        ArgumentNullException.ThrowIfNull(bulletin);
        var c = bulletin.NewConfirmed;
        var a = bulletin.NewAsymptomatic;
        var found = bulletin.Found ?? new FoundWhere(Detection.None, Detection.None);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{BulletinSentencesZh.Day(bulletin.Date)}0-24时，全市");
        if (!BulletinSentencesZh.NoneNew(text, c, a))
        {
            if (c.Total > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"新增本土确诊病例{c.Total}例");
                if (c.Converted > 0)
                {
                    text.Append(CultureInfo.InvariantCulture, $"（含{c.Converted}例无症状感染者转为确诊病例）");
                }

                var types = BulletinSentencesZh.Types(c).ToList();
                text.Append(types.Count == 1 && types[0].Name == "轻型"
                    ? "，均为轻型。"
                    : "。新增病例中，" + string.Join('，', types.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name}{t.Count}例"))) + "。");
                text.Append(FoundSentence(found.Confirmed));
                var counties = Counties(c.ByUnit.Select(u => new UnitCount(u.Code, u.Name, u.Count)));
                if (counties.Length > 0)
                {
                    text.Append("新增确诊病例中，").Append(counties).Append('。');
                }
            }

            if (a.Total == 0)
            {
                text.Append("无新增本土无症状感染者。");
            }
            else
            {
                text.Append(CultureInfo.InvariantCulture, $"新增本土无症状感染者{a.Total}例").Append(FoundClause(found.Asymptomatic)).Append('。');
                var counties = Counties(a.ByUnit);
                if (counties.Length > 0)
                {
                    text.Append("其中").Append(counties).Append('。');
                }
            }

            text.Append(BulletinSentencesZh.CityHandling);
        }

        if (bulletin.Imported is { } imported && imported.Confirmed + imported.Asymptomatic > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"新增境外输入确诊病例{imported.Confirmed}例，境外输入无症状感染者{imported.Asymptomatic}例。");
        }

        BulletinSentencesZh.Outcomes(text, bulletin, "全市");
        return text.ToString();
    }

    /// <summary>
    /// A county (县, codes 21–70) or county-level city (县级市, 81–99) of its city; not an urban
    /// district (01–20) nor a development zone (71–80 in the statistical division codes).
    /// </summary>
    public static bool IsListedCounty(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.Length != 6 || !int.TryParse(code.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        return n is (>= 21 and <= 70) or >= 81;
    }

    /// <summary>"以上病例均为管控期间筛查新冠病毒核酸阳性感染者。" when all were found under control; the split otherwise.</summary>
    private static string FoundSentence(Detection d) => d switch
    {
        { UnderControl: > 0, SocialLevel: 0, Unclassified: 0 } => "以上病例均为管控期间筛查新冠病毒核酸阳性感染者。",
        { UnderControl: 0, SocialLevel: > 0, Unclassified: 0 } => "以上病例均为社会面筛查发现。",
        { UnderControl: 0, SocialLevel: 0 } => string.Empty,
        _ => string.Create(CultureInfo.InvariantCulture, $"其中，管控期间筛查发现{d.UnderControl}例，社会面筛查发现{d.SocialLevel}例。"),
    };

    private static string FoundClause(Detection d) => d switch
    {
        { UnderControl: > 0, SocialLevel: 0, Unclassified: 0 } => "，为管控期间筛查新冠病毒核酸阳性感染者",
        { UnderControl: 0, SocialLevel: > 0, Unclassified: 0 } => "，为社会面筛查发现",
        { UnderControl: 0, SocialLevel: 0 } => string.Empty,
        _ => string.Create(CultureInfo.InvariantCulture, $"，其中管控期间筛查发现{d.UnderControl}例，社会面筛查发现{d.SocialLevel}例"),
    };

    private static string Counties(IEnumerable<UnitCount> units) => BulletinSentencesZh.UnitList(units.Where(u => IsListedCounty(u.Code)));
}
