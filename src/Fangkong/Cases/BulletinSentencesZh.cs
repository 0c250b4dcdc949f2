using System.Globalization;
using System.Text;

namespace Fangkong.Cases;

/// <summary>The sentences the province's bulletin and the city's notice share, in the published wording.</summary>
internal static class BulletinSentencesZh
{
    /// <summary>
    /// The handling sentence of the 2022 bulletins (DOMAIN.md §6), word for word: the province's
    /// bulletins print it as it is, the city's notices after "目前，" (<see cref="CityHandling"/>).
    /// </summary>
    public const string Handling = "以上感染者均已转运至定点医疗机构隔离治疗，对以上人员的密切接触者、次密切接触者均已开展追踪排查，并落实管控措施，对其生活和工作场所进行了终末消毒。";

    public const string CityHandling = "目前，" + Handling;

    /// <summary>
    /// The day with none: "无新增本土确诊病例和无症状感染者。", or "无新增本土确诊病例。" when only
    /// asymptomatic infections are new. True when there was nothing new at all.
    /// </summary>
    public static bool NoneNew(StringBuilder text, NewConfirmed confirmed, UnitFigures asymptomatic)
    {
        if (confirmed.Total == 0 && asymptomatic.Total == 0)
        {
            text.Append("无新增本土确诊病例和无症状感染者。");
            return true;
        }

        if (confirmed.Total == 0)
        {
            text.Append("无新增本土确诊病例。");
        }

        return false;
    }

    public static string Day(DateOnly date) => string.Create(CultureInfo.InvariantCulture, $"{date.Month}月{date.Day}日");

    /// <summary>The clinical types present, in the published order.</summary>
    public static IEnumerable<(string Name, int Count)> Types(NewConfirmed c) =>
        new[] { ("轻型", c.Mild), ("普通型", c.Moderate), ("重型", c.Severe), ("危重型", c.Critical) }.Where(t => t.Item2 > 0);

    public static string ConfirmedUnit(ConfirmedUnit u) => u.Converted > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{u.Name}{u.Count}例（含{u.Converted}例无症状感染者转为确诊病例）")
        : string.Create(CultureInfo.InvariantCulture, $"{u.Name}{u.Count}例");

    public static string UnitList(IEnumerable<UnitCount> units) =>
        string.Join('、', BulletinOrder.ByCount(units, u => u.Count, u => u.Code).Select(u => string.Create(CultureInfo.InvariantCulture, $"{u.Name}{u.Count}例")));

    /// <summary>"新增X N例，其中…。", or "无新增X。" on a day with none.</summary>
    public static void Units(StringBuilder text, string what, string whatAfterNone, UnitFigures figures)
    {
        if (figures.Total == 0)
        {
            text.Append("无新增").Append(whatAfterNone).Append('。');
            return;
        }

        text.Append(CultureInfo.InvariantCulture, $"{what}{figures.Total}例");
        if (figures.ByUnit.Count > 0)
        {
            text.Append("，其中").Append(UnitList(figures.ByUnit));
        }

        text.Append('。');
    }

    /// <summary>
    /// Discharges, releases and deaths of the day; recoveries to date and patients in hospital;
    /// "出院人数超过入院人数" when it is so; the contacts of this outbreak.
    /// </summary>
    public static void Outcomes(StringBuilder text, DailyBulletin b, string scope)
    {
        var day = Day(b.Date);
        Units(text, "新增治愈出院确诊病例", "治愈出院确诊病例", b.Discharged);
        Units(text, "新增解除隔离医学观察无症状感染者", "解除隔离医学观察无症状感染者", b.ReleasedFromObservation);
        if (b.Standing is { } s)
        {
            Units(text, "新增死亡病例", "死亡病例", s.Deaths);
            text.Append(CultureInfo.InvariantCulture, $"截至{day}24时，{scope}本次疫情累计治愈出院确诊病例和解除隔离医学观察无症状感染者{s.RecoveredToDate.Total}例");
            if (s.RecoveredToDate.ByUnit.Count > 1)
            {
                text.Append('（').Append(UnitList(s.RecoveredToDate.ByUnit)).Append('）');
            }

            text.Append(CultureInfo.InvariantCulture, $"，在院治疗{s.InHospital}例。");
            if (s.LeftExceedsAdmittedDays > 0)
            {
                text.Append(scope).Append(s.LeftExceedsAdmittedDays == 1 ? "当日" : string.Create(CultureInfo.InvariantCulture, $"已连续{s.LeftExceedsAdmittedDays}日"))
                    .Append(CultureInfo.InvariantCulture, $"出院人数超过入院人数（治愈出院和解除隔离医学观察{s.LeftToday}例，新增入院{s.AdmittedToday}例）。");
            }
        }

        var k = b.ContactsToDate;
        text.Append(CultureInfo.InvariantCulture,
            $"截至{day}24时，{scope}本次疫情累计排查出密切接触者{k.Close}人，解除隔离{k.CloseReleased}人；次密切接触者{k.Secondary}人，解除隔离{k.SecondaryReleased}人。");
    }
}
