using Fangkong.Cases;
using Fangkong.Regions;

namespace Fangkong.UnitTests.Cases;

/// <summary>
/// The bulletin text against real bulletins of the Jilin Provincial Health Commission (seeds 000
/// and 003). Two deliberate differences from the published wording: 重型 is always written 重型
/// (seed 000 once wrote 重症), and equal counts are listed by region code, one unit each (seed 003
/// wrote "白山市、白城市各1例", seed 000 listed 延边州 before 辽源市 although 辽源 has the lower code).
/// </summary>
public sealed class BulletinTextTests
{
    private static readonly BulletinRegion Jilin = new("22", "吉林省", RegionLevel.Province);

    [Fact]
    public void Zh_April2Figures_ReproduceTheProvincialBulletinOfSeed003()
    {
        var bulletin = new DailyBulletin(
            new DateOnly(2022, 4, 2),
            Jilin,
            new NewConfirmed(956, 934, 21, 1, 0, 0, [C("2201", "长春市", 723), C("2202", "吉林市", 230), C("2203", "四平市", 2), C("2208", "白城市", 1)]),
            Units(("2201", "长春市", 3100), ("2202", "吉林市", 397), ("2206", "白山市", 1), ("2208", "白城市", 1)),
            Units(("2201", "长春市", 1488), ("2202", "吉林市", 639), ("2224", "延边州", 8), ("2207", "松原市", 2)),
            Units(("2202", "吉林市", 458), ("2201", "长春市", 107), ("2224", "延边州", 1)),
            new ContactsToDate(129830, 75607, 112846, 86858));

        BulletinTextZh.Render(bulletin).ShouldBe(
            "4月2日0-24时，全省新增本土确诊病例956例（轻型934例、普通型21例、重型1例）。其中，长春市723例、吉林市230例、四平市2例、白城市1例。" +
            "新增本土无症状感染者3499例，其中长春市3100例、吉林市397例、白山市1例、白城市1例。以上感染者均已转运至定点医疗机构隔离治疗，对以上人员的密切接触者、次密切接触者均已开展追踪排查，并落实管控措施，对其生活和工作场所进行了终末消毒。" +
            "新增治愈出院确诊病例2137例，其中长春市1488例、吉林市639例、延边州8例、松原市2例。" +
            "新增解除隔离医学观察无症状感染者566例，其中吉林市458例、长春市107例、延边州1例。" +
            "截至4月2日24时，全省本次疫情累计排查出密切接触者129830人，解除隔离75607人；次密切接触者112846人，解除隔离86858人。");
    }

    [Fact]
    public void Zh_April8Figures_NameConversionsOnlyWhereThereAreSome_AsSeed000()
    {
        var bulletin = new DailyBulletin(
            new DateOnly(2022, 4, 8),
            Jilin,
            new NewConfirmed(248, 242, 4, 2, 0, 52, [C("2201", "长春市", 150, 50), C("2202", "吉林市", 87), C("2208", "白城市", 10, 2), C("2203", "四平市", 1)]),
            Units(("2201", "长春市", 648), ("2202", "吉林市", 56), ("2208", "白城市", 1), ("2206", "白山市", 1)),
            Units(("2201", "长春市", 1212), ("2202", "吉林市", 343), ("2203", "四平市", 5), ("2224", "延边州", 2), ("2208", "白城市", 1)),
            Units(("2201", "长春市", 569), ("2202", "吉林市", 289), ("2224", "延边州", 1), ("2204", "辽源市", 1)),
            new ContactsToDate(0, 0, 0, 0));

        BulletinTextZh.Render(bulletin).ShouldStartWith(
            "4月8日0-24时，全省新增本土确诊病例248例（轻型242例、普通型4例、重型2例）。其中，长春市150例（含50例无症状感染者转为确诊病例）、吉林市87例、" +
            "白城市10例（含2例无症状感染者转为确诊病例）、四平市1例。新增本土无症状感染者706例，其中长春市648例、吉林市56例、白山市1例、白城市1例。以上感染者均已转运至定点医疗机构隔离治疗，对以上人员的密切接触者、次密切接触者均已开展追踪排查，并落实管控措施，对其生活和工作场所进行了终末消毒。" +
            "新增治愈出院确诊病例1563例，其中长春市1212例、吉林市343例、四平市5例、延边州2例、白城市1例。" +
            "新增解除隔离医学观察无症状感染者860例，其中长春市569例、吉林市289例、辽源市1例、延边州1例。");
    }

    [Fact]
    public void Zh_CityWithNothingNew_SaysNoneNew_AndSaysQuanShi()
    {
        var bulletin = new DailyBulletin(
            new DateOnly(2022, 4, 20),
            new BulletinRegion("2202", "吉林市", RegionLevel.City),
            new NewConfirmed(0, 0, 0, 0, 0, 0, []),
            Units(),
            Units(("220204", "船营区", 3)),
            Units(),
            new ContactsToDate(10, 10, 4, 3));

        BulletinTextZh.Render(bulletin).ShouldBe(
            "4月20日0-24时，全市无新增本土确诊病例和无症状感染者。新增治愈出院确诊病例3例，其中船营区3例。无新增解除隔离医学观察无症状感染者。" +
            "截至4月20日24时，全市本次疫情累计排查出密切接触者10人，解除隔离10人；次密切接触者4人，解除隔离3人。");
    }

    [Fact]
    public void En_SameFigures_InEnglishWithSingularsAndConversions()
    {
        var bulletin = new DailyBulletin(
            new DateOnly(2022, 3, 26),
            Jilin,
            new NewConfirmed(5, 3, 1, 0, 1, 1, [C("2202", "吉林市", 4, 1), C("220581", "梅河口市", 1)]),
            Units(("2202", "吉林市", 1)),
            Units(),
            Units(("220581", "梅河口市", 2)),
            new ContactsToDate(1, 0, 1200, 1000));

        BulletinTextEn.Render(bulletin).ShouldBe(
            "From 0:00 to 24:00 on 26 March 2022, 吉林省 (province) reported 5 new local confirmed cases (3 mild, 1 moderate, 1 critical), of which " +
            "吉林市 4 (including 1 asymptomatic infection reclassified as confirmed), 梅河口市 1. 1 new local asymptomatic infection: 吉林市 1. " +
            "All of the above have been transferred to designated medical institutions for isolation and treatment; their close and secondary contacts have been traced and placed under control, and their homes and workplaces have been terminally disinfected. " +
            "No confirmed cases cured and discharged. 2 asymptomatic infections released from medical observation: 梅河口市 2. " +
            "As of 24:00 on 26 March 2022, 1 close contact had been traced in this outbreak, 0 of them released from quarantine; and 1,200 secondary contacts, 1,000 of them released.");
    }

    [Fact]
    public void Order_ByCountLargestFirst_TiesByCode_ZerosLeftOut()
    {
        var ordered = BulletinOrder.ByCount(
            [new UnitCount("2224", "延边州", 1), new UnitCount("2204", "辽源市", 1), new UnitCount("2201", "长春市", 9), new UnitCount("2205", "通化市", 0)],
            u => u.Count,
            u => u.Code);

        ordered.Select(u => u.Code).ShouldBe(["2201", "2204", "2224"]);
    }

    private static ConfirmedUnit C(string code, string name, int count, int converted = 0) => new(code, name, count, converted);

    private static UnitFigures Units(params (string Code, string Name, int Count)[] units) =>
        new(units.Sum(u => u.Count), units.Select(u => new UnitCount(u.Code, u.Name, u.Count)).ToList());
}
