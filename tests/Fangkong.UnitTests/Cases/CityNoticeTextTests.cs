using Fangkong.Cases;
using Fangkong.Cases.Bulletins;
using Fangkong.Regions;

namespace Fangkong.UnitTests.Cases;

/// <summary>
/// The city's notice and the province's 2022 sentences against published notices of Jilin City
/// (2022第55号 of 3/23) and the cases the wording turns on: all mild (均为轻型), no conversions
/// (no "含…"), where found (all under control, all social, mixed), a day with none, more leaving
/// hospital than admitted, and the counties it lists.
/// </summary>
public sealed class CityNoticeTextTests
{
    private static readonly BulletinRegion JilinCity = new("2202", "吉林市", RegionLevel.City);
    private static readonly BulletinRegion Jilin = new("22", "吉林省", RegionLevel.Province);

    [Fact]
    public void Notice55_March23_AllMild_CountiesByCount_AllFoundUnderControl()
    {
        var bulletin = City(
            new NewConfirmed(516, 516, 0, 0, 0, 35, [C("220204", "船营区", 500, 35), C("220284", "磐石市", 3), C("220283", "舒兰市", 2), C("220221", "永吉县", 11)]),
            Units(("220202", "昌邑区", 513), ("220281", "蛟河市", 8), ("220282", "桦甸市", 1), ("220283", "舒兰市", 3), ("220221", "永吉县", 6)),
            new FoundWhere(new Detection(516, 0, 0), new Detection(531, 0, 0)),
            new DateOnly(2022, 3, 23));

        CityNoticeTextZh.Render(bulletin).ShouldStartWith(
            "3月23日0-24时，全市新增本土确诊病例516例（含35例无症状感染者转为确诊病例），均为轻型。以上病例均为管控期间筛查新冠病毒核酸阳性感染者。" +
            "新增确诊病例中，永吉县11例、磐石市3例、舒兰市2例。新增本土无症状感染者531例，为管控期间筛查新冠病毒核酸阳性感染者。" +
            "其中蛟河市8例、永吉县6例、舒兰市3例、桦甸市1例。目前，以上感染者均已转运至定点医疗机构隔离治疗，对以上人员的密切接触者、次密切接触者均已开展追踪排查，并落实管控措施，对其生活和工作场所进行了终末消毒。");
        BulletinTextZh.Render(bulletin).ShouldBe(CityNoticeTextZh.Render(bulletin));
        CityNoticeTextZh.Title("吉林市", 2022, 55).ShouldBe("吉林市新冠肺炎疫情防控通告（2022第55号）");
    }

    [Fact]
    public void NoConversions_NoHanYiClause_InTheCityOrTheProvince()
    {
        var confirmed = new NewConfirmed(3, 2, 1, 0, 0, 0, [C("220221", "永吉县", 3)]);
        var city = CityNoticeTextZh.Render(City(confirmed, Units(), new FoundWhere(new Detection(3, 0, 0), Detection.None), new DateOnly(2022, 4, 4)));
        var province = BulletinTextZh.Render(City(confirmed with { ByUnit = [C("2202", "吉林市", 3)] }, Units(), null, new DateOnly(2022, 4, 4)) with { Region = Jilin });

        city.ShouldStartWith("4月4日0-24时，全市新增本土确诊病例3例。新增病例中，轻型2例，普通型1例。以上病例均为管控期间筛查新冠病毒核酸阳性感染者。新增确诊病例中，永吉县3例。无新增本土无症状感染者。");
        city.ShouldNotContain("含");
        province.ShouldStartWith("4月4日0-24时，全省新增本土确诊病例3例（轻型2例、普通型1例）。其中，吉林市3例。无新增本土无症状感染者。");
        province.ShouldNotContain("（含");
    }

    [Fact]
    public void FoundWhere_SocialOrMixed_IsSaidAsSuch_AndUnclassifiedAreNotClaimedEitherWay()
    {
        var confirmed = new NewConfirmed(5, 5, 0, 0, 0, 0, [C("220204", "船营区", 5)]);
        string Text(Detection c, Detection a) =>
            CityNoticeTextZh.Render(City(confirmed, Units(("220204", "船营区", 2)), new FoundWhere(c, a), new DateOnly(2022, 4, 9)));

        Text(new Detection(0, 5, 0), new Detection(0, 2, 0)).ShouldContain("均为轻型。以上病例均为社会面筛查发现。新增本土无症状感染者2例，为社会面筛查发现。");
        Text(new Detection(3, 2, 0), new Detection(1, 1, 0)).ShouldContain("均为轻型。其中，管控期间筛查发现3例，社会面筛查发现2例。新增本土无症状感染者2例，其中管控期间筛查发现1例，社会面筛查发现1例。");
        var unclassified = Text(new Detection(0, 0, 5), new Detection(0, 0, 2));
        unclassified.ShouldNotContain("管控期间");
        unclassified.ShouldNotContain("社会面");
        Text(new Detection(4, 0, 1), new Detection(2, 0, 0)).ShouldContain("其中，管控期间筛查发现4例，社会面筛查发现0例。");
    }

    [Fact]
    public void DayWithNone_ProvinceAndCity_SayNoneNew_WithoutTheHandlingSentence()
    {
        var none = City(new NewConfirmed(0, 0, 0, 0, 0, 0, []), Units(), null, new DateOnly(2022, 5, 1));

        CityNoticeTextZh.Render(none).ShouldStartWith("5月1日0-24时，全市无新增本土确诊病例和无症状感染者。无新增治愈出院确诊病例。");
        BulletinTextZh.Render(none with { Region = Jilin }).ShouldStartWith("5月1日0-24时，全省无新增本土确诊病例和无症状感染者。无新增治愈出院确诊病例。");
        BulletinTextZh.Render(none with { Region = Jilin }).ShouldNotContain("转运");
        BulletinTextEn.Render(none).ShouldStartWith("From 0:00 to 24:00 on 1 May 2022, 吉林市 (city) reported no new local confirmed cases or asymptomatic infections. No confirmed cases cured and discharged.");
        var onlyAsymptomatic = none with { NewAsymptomatic = Units(("2202", "吉林市", 2)), Region = Jilin };
        BulletinTextZh.Render(onlyAsymptomatic).ShouldStartWith("5月1日0-24时，全省无新增本土确诊病例。新增本土无症状感染者2例，其中吉林市2例。以上感染者均已转运");
    }

    [Fact]
    public void Standing_DeathsRecoveriesInHospital_AndLeavingExceedingAdmissions_OneDayOrARun()
    {
        var standing = new CaseStanding(Units(("2202", "吉林市", 1)), Units(("2202", "吉林市", 8585), ("2201", "长春市", 100)), 4321, 627, 1097, 1, new DateOnly(2022, 2, 28));
        var bulletin = City(new NewConfirmed(0, 0, 0, 0, 0, 0, []), Units(), null, new DateOnly(2022, 4, 2)) with { Region = Jilin, Standing = standing };

        var oneDay = BulletinTextZh.Render(bulletin);
        var run = BulletinTextZh.Render(bulletin with { Standing = standing with { LeftExceedsAdmittedDays = 2 } });
        var notSo = BulletinTextZh.Render(bulletin with { Standing = standing with { LeftExceedsAdmittedDays = 0 } });

        oneDay.ShouldContain("新增死亡病例1例，其中吉林市1例。截至4月2日24时，全省本次疫情累计治愈出院确诊病例和解除隔离医学观察无症状感染者8685例（吉林市8585例、长春市100例），在院治疗4321例。" +
            "全省当日出院人数超过入院人数（治愈出院和解除隔离医学观察1097例，新增入院627例）。");
        run.ShouldContain("全省已连续2日出院人数超过入院人数（治愈出院和解除隔离医学观察1097例，新增入院627例）。");
        notSo.ShouldNotContain("超过入院人数");
        BulletinTextEn.Render(bulletin).ShouldContain("1 death: 吉林市 1. As of 24:00 on 2 April 2022, 8,685 cases of this outbreak had been discharged or released from medical observation (吉林市 8,585, 长春市 100), and 4,321 were in hospital. On the day more people left hospital than were admitted (1,097 discharged or released, 627 admitted).");
    }

    [Theory]
    [InlineData("220221", true)]
    [InlineData("220281", true)]
    [InlineData("220284", true)]
    [InlineData("220204", false)]
    [InlineData("220211", false)]
    [InlineData("220272", false)]
    [InlineData("2202", false)]
    [InlineData("220204003", false)]
    public void ListedCounties_AreCountiesAndCountyLevelCities_NotDistrictsOrZones(string code, bool listed) =>
        CityNoticeTextZh.IsListedCounty(code).ShouldBe(listed);

    [Fact]
    public void Order_TiesByCode_InTheNoticeToo()
    {
        var text = CityNoticeTextZh.Render(City(
            new NewConfirmed(4, 4, 0, 0, 0, 0, [C("220284", "磐石市", 1), C("220281", "蛟河市", 1), C("220221", "永吉县", 2)]), Units(), null, new DateOnly(2022, 4, 4)));

        text.ShouldContain("新增确诊病例中，永吉县2例、蛟河市1例、磐石市1例。");
    }

    [Fact]
    public void Compare_AnOlderFormatOrARenamedUnit_IsNoDifference_AChangedFigureIs()
    {
        var standing = new CaseStanding(Units(), Units(("2224", "延边州", 5)), 40, 2, 1, 0, null);
        var now = BulletinFigures.Of(City(new NewConfirmed(2, 2, 0, 0, 0, 0, [C("2224", "延边州", 2)]), Units(), new FoundWhere(new Detection(2, 0, 0), Detection.None), new DateOnly(2022, 4, 4))
            with { Region = Jilin, Standing = standing });
        var format1 = now.Where(p => !p.Key.StartsWith("在院", StringComparison.Ordinal) && !p.Key.StartsWith("累计治愈", StringComparison.Ordinal) && !p.Key.Contains("筛查", StringComparison.Ordinal)
                && !p.Key.Contains("未分类", StringComparison.Ordinal) && p.Key is not ("死亡" or "入院" or "出院和解除医学观察" or "出院超过入院连续天数" or BulletinFigures.FormatKey))
            .ToDictionary(p => p.Key.Replace("延边州", "延边朝鲜族自治州", StringComparison.Ordinal), p => p.Value);

        BulletinFigures.Compare(format1, now).ShouldBeEmpty();
        format1["新增确诊/2224 延边朝鲜族自治州"] = 1;
        BulletinFigures.Compare(format1, now).Select(d => (d.Published, d.Now)).ShouldBe([(1, 2)]);
        var published2 = new Dictionary<string, int>(now) { ["在院治疗"] = 39 };
        BulletinFigures.Compare(published2, now).Single().Figure.ShouldBe("在院治疗");
    }

    private static DailyBulletin City(NewConfirmed confirmed, UnitFigures asymptomatic, FoundWhere? found, DateOnly date) =>
        new(date, JilinCity, confirmed, asymptomatic, Units(), Units(), new ContactsToDate(0, 0, 0, 0), null, null, found);

    private static ConfirmedUnit C(string code, string name, int count, int converted = 0) => new(code, name, count, converted);

    private static UnitFigures Units(params (string Code, string Name, int Count)[] units) =>
        new(units.Sum(u => u.Count), units.Select(u => new UnitCount(u.Code, u.Name, u.Count)).ToList());
}
