using Fangkong.Cases;
using Fangkong.Cases.Bulletins;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Regions;

namespace Fangkong.IntegrationTests.Cases;

/// <summary>
/// Known answers from the published bulletins (DOMAIN.md §6): the records are built through the
/// use cases (the shipped regions of Jilin, the line-list and contacts imports, which classify each
/// case where it was found), and the produced text is compared with the expected text word for word.
/// </summary>
public sealed class BulletinsAsPublishedTests
{
    private static readonly DateOnly March15 = new(2022, 3, 15);
    private static readonly DateOnly March21 = new(2022, 3, 21);

    /// <summary>
    /// 吉林市新冠肺炎疫情防控通告（2022第36号）, 3/15: 393 confirmed including 18 conversions (轻型381,
    /// 普通型11, 重型1), 376 asymptomatic, all found in screening under control; counties 蛟河市1、
    /// 桦甸市2、永吉县1、磐石市1、舒兰市1, asymptomatic 永吉县1. Counties are listed by count (the
    /// notice listed them in no stable order), the rest of the cases are in the urban districts.
    /// </summary>
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task City_March15_ReadsAsNotice36(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await EnsureReferenceData.EnsureJilinAsync(db);
            (await SetOutbreakStart.HandleAsync(db, TimeProvider.System, new SetOutbreakStart.Command("2202", new DateOnly(2022, 3, 2)))).IsSuccess.ShouldBeTrue();
            await ImportAsync(db, Lines(["X-0,索引,,220204,confirmed,mild,2022-03-10,,discharged,2022-03-14"]));

            // Everyone found on the 14th and 15th was a close contact in quarantine since the 13th.
            var contacts = new List<string> { "contact_no,kind,source_case_no,source_contact_no,id_number,name,region_code,exposure_on,identified_on,released_on" };
            var cases = new List<string>();
            var n = 0;
            string Person(string caseNo, string region, string type, string severity, string date, string converted = "")
            {
                var id = converted.Length > 0 ? string.Empty : $"ID{++n:D5}";
                if (id.Length > 0)
                {
                    contacts.Add($"Q-{n},close,X-0,,{id},密{n},{region},2022-03-12,2022-03-13,");
                }

                return $"{caseNo},某{caseNo},{id},{region},{type},{severity},{date},{converted},,";
            }

            for (var i = 1; i <= 18; i++)
            {
                cases.Add(Person($"S-{i}", "220204", "asymptomatic", "", "2022-03-14"));
                cases.Add(Person($"C-{i}", "220204", "confirmed", "mild", "2022-03-15", converted: $"S-{i}"));
            }

            var counties = new[] { "220281", "220282", "220282", "220221", "220284", "220283" };
            var districts = new[] { "220204", "220202", "220203", "220211", "220272" };
            for (var i = 0; i < 375; i++)
            {
                var region = i < counties.Length ? counties[i] : districts[i % districts.Length];
                var severity = i < 363 ? "mild" : i < 374 ? "moderate" : "severe";
                cases.Add(Person($"D-{i}", region, "confirmed", severity, "2022-03-15"));
            }

            for (var i = 0; i < 376; i++)
            {
                cases.Add(Person($"A-{i}", i == 0 ? "220221" : districts[i % districts.Length], "asymptomatic", "", "2022-03-15"));
            }

            var imported = await ImportContacts.HandleAsync(db, TempCsv.Write([.. contacts]));
            imported.IsSuccess.ShouldBeTrue(imported.Error?.Message);
            await ImportAsync(db, Lines([.. cases]));
        }

        await using var read = database.NewContext();
        var bulletin = (await BuildDailyBulletin.HandleAsync(read, "2202", March15)).Value!;

        BulletinTextZh.Render(bulletin).ShouldBe(
            "3月15日0-24时，全市新增本土确诊病例393例（含18例无症状感染者转为确诊病例）。新增病例中，轻型381例，普通型11例，重型1例。" +
            "以上病例均为管控期间筛查新冠病毒核酸阳性感染者。新增确诊病例中，桦甸市2例、永吉县1例、蛟河市1例、舒兰市1例、磐石市1例。" +
            "新增本土无症状感染者376例，为管控期间筛查新冠病毒核酸阳性感染者。其中永吉县1例。" +
            "目前，以上感染者均已转运至定点医疗机构隔离治疗，对以上人员的密切接触者、次密切接触者均已开展追踪排查，并落实管控措施，对其生活和工作场所进行了终末消毒。" +
            "无新增治愈出院确诊病例。无新增解除隔离医学观察无症状感染者。无新增死亡病例。" +
            "截至3月15日24时，全市本次疫情累计治愈出院确诊病例和解除隔离医学观察无症状感染者1例，在院治疗769例。" +
            "截至3月15日24时，全市本次疫情累计排查出密切接触者769人，解除隔离0人；次密切接触者0人，解除隔离0人。");
        BulletinTextEn.Render(bulletin).ShouldStartWith(
            "From 0:00 to 24:00 on 15 March 2022, 吉林市 (city) reported 393 new local confirmed cases (381 mild, 11 moderate, 1 severe), " +
            "including 18 asymptomatic infections reclassified as confirmed; 393 found by screening under control, 0 found by screening at social level; " +
            "in the counties: 桦甸市 2, 永吉县 1, 蛟河市 1, 舒兰市 1, 磐石市 1. 376 new local asymptomatic infections; 376 found by screening under control");

        // The JSON carries every figure the text states.
        var json = BulletinJson.From(bulletin);
        json.NewConfirmed.ShouldBe(json.NewConfirmed with { Total = 393, Mild = 381, Moderate = 11, Severe = 1, Critical = 0, Converted = 18 });
        json.NewAsymptomatic.Total.ShouldBe(376);
        json.Found.ShouldBe(new FoundWhere(new Detection(393, 0, 0), new Detection(376, 0, 0)));
        json.Standing.ShouldBe(json.Standing! with { InHospital = 769, AdmittedToday = 751, LeftToday = 0, LeftExceedsAdmittedDays = 0, OutbreakStart = new DateOnly(2022, 3, 2) });
        json.Standing!.RecoveredToDate.Total.ShouldBe(1);
        json.ContactsToDate.ShouldBe(new ContactsToDate(769, 0, 0, 0, new DateOnly(2022, 3, 2)));
    }

    /// <summary>
    /// The province's bulletin of 3/21 (吉林省卫健委, 3/22), in DOMAIN.md §6's form ("（…）。其中，"): 1,902 confirmed, 长春市1437 (2 conversions),
    /// 吉林市438 (31), 四平市23, 延边州4 — the autonomous prefecture under its short name — and 563 asymptomatic.
    /// </summary>
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Province_March21_ReadsAsPublished_WithShortUnitNames(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await EnsureReferenceData.EnsureJilinAsync(db);
            var cases = new List<string>();
            var i = 0;
            void Add(string region, int count, int converted, string type = "confirmed")
            {
                for (var k = 0; k < count; k++)
                {
                    i++;
                    var severity = type == "asymptomatic" ? string.Empty : i <= 10 ? "moderate" : i == 11 ? "severe" : "mild";
                    if (k < converted)
                    {
                        cases.Add($"P-{i},前{i},,{region},asymptomatic,,2022-03-20,,,");
                    }

                    cases.Add($"N-{i},某{i},,{region},{type},{severity},2022-03-21,{(k < converted ? $"P-{i}" : string.Empty)},,");
                }
            }

            Add("220102", 1437, 2);
            Add("220204", 438, 31);
            Add("220302", 23, 0);
            Add("222401", 4, 0);
            Add("220204", 558, 0, "asymptomatic");
            Add("222401", 3, 0, "asymptomatic");
            Add("220302", 1, 0, "asymptomatic");
            Add("220402", 1, 0, "asymptomatic");
            await ImportAsync(db, Lines([.. cases]));
        }

        await using var read = database.NewContext();
        var bulletin = (await BuildDailyBulletin.HandleAsync(read, "22", March21)).Value!;

        BulletinTextZh.Render(bulletin).ShouldStartWith(
            "3月21日0-24时，全省新增本土确诊病例1902例（轻型1891例、普通型10例、重型1例）。其中，长春市1437例（含2例无症状感染者转为确诊病例）、" +
            "吉林市438例（含31例无症状感染者转为确诊病例）、四平市23例、延边州4例。新增本土无症状感染者563例，其中吉林市558例、延边州3例、四平市1例、辽源市1例。" +
            "以上感染者均已转运至定点医疗机构隔离治疗，对以上人员的密切接触者、次密切接触者均已开展追踪排查，并落实管控措施，对其生活和工作场所进行了终末消毒。");
        bulletin.Standing!.InHospital.ShouldBe(2465);
        BulletinFigures.Of(bulletin)["新增确诊/2224 延边州"].ShouldBe(4);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DayWithNone_DischargesExceedingAdmissions_AndContactsSinceTheOutbreakStart(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await EnsureReferenceData.EnsureJilinAsync(db);
            (await SetOutbreakStart.HandleAsync(db, TimeProvider.System, new SetOutbreakStart.Command("22", new DateOnly(2022, 2, 28)))).IsSuccess.ShouldBeTrue();
            (await SetOutbreakStart.HandleAsync(db, TimeProvider.System, new SetOutbreakStart.Command("2202", new DateOnly(2022, 3, 2)))).IsSuccess.ShouldBeTrue();
            await ImportAsync(db, Lines([
                "A-1,甲,,220204,asymptomatic,,2022-03-20,,released,2022-03-22",
                "A-2,乙,,220204,asymptomatic,,2022-03-20,,released,2022-03-22",
                "C-1,丙,,220204,confirmed,mild,2022-03-20,,discharged,2022-03-23",
                "A-3,丁,,220204,asymptomatic,,2022-03-21,,released,2022-03-23",
            ]));
            var contacts = await ImportContacts.HandleAsync(db, TempCsv.Write(
                "contact_no,kind,source_case_no,source_contact_no,id_number,name,region_code,exposure_on,identified_on,released_on",
                "M-1,close,C-1,,,密一,220204,2022-02-28,2022-03-01,2022-03-10",
                "M-2,close,C-1,,,密二,220204,2022-03-19,2022-03-20,",
                "S-1,secondary,,M-2,,次一,220204,2022-03-20,2022-03-21,2022-03-22"));
            contacts.IsSuccess.ShouldBeTrue(contacts.Error?.Message);
        }

        await using var read = database.NewContext();
        var day21 = (await BuildDailyBulletin.HandleAsync(read, "2202", new DateOnly(2022, 3, 21))).Value!;
        var day22 = (await BuildDailyBulletin.HandleAsync(read, "2202", new DateOnly(2022, 3, 22))).Value!;
        var day23 = (await BuildDailyBulletin.HandleAsync(read, "2202", new DateOnly(2022, 3, 23))).Value!;
        var province23 = (await BuildDailyBulletin.HandleAsync(read, "22", new DateOnly(2022, 3, 23))).Value!;

        BulletinTextZh.Render(day21).ShouldNotContain("出院人数超过入院人数");
        BulletinTextZh.Render(day22).ShouldContain("全市当日出院人数超过入院人数（治愈出院和解除隔离医学观察2例，新增入院0例）。");
        BulletinTextZh.Render(day23).ShouldBe(
            "3月23日0-24时，全市无新增本土确诊病例和无症状感染者。新增治愈出院确诊病例1例，其中船营区1例。新增解除隔离医学观察无症状感染者1例，其中船营区1例。" +
            "无新增死亡病例。截至3月23日24时，全市本次疫情累计治愈出院确诊病例和解除隔离医学观察无症状感染者4例，在院治疗0例。" +
            "全市已连续2日出院人数超过入院人数（治愈出院和解除隔离医学观察2例，新增入院0例）。" +
            "截至3月23日24时，全市本次疫情累计排查出密切接触者1人，解除隔离0人；次密切接触者1人，解除隔离1人。");
        BulletinTextZh.Render(province23).ShouldStartWith("3月23日0-24时，全省无新增本土确诊病例和无症状感染者。新增治愈出院确诊病例1例，其中吉林市1例。");
        // The province's outbreak began on 2/28: it counts the contact of 3/1 that the city's (from 3/2) does not.
        province23.ContactsToDate.ShouldBe(new ContactsToDate(2, 1, 1, 1, new DateOnly(2022, 2, 28)));
        BulletinTextEn.Render(day23).ShouldContain("For 2 days in a row more people left hospital than were admitted (2 discharged or released, 0 admitted).");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OutbreakStart_InTheFutureOutsideTheJurisdictionOrNotARegion_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            await EnsureReferenceData.EnsureJilinAsync(db);
        }

        await using var county = database.NewContext(new Access.Jurisdiction("county", "220204", SeesFullIdentity: false));
        var tomorrow = Common.ChinaTime.Today(TimeProvider.System).AddDays(1);
        (await SetOutbreakStart.HandleAsync(county, TimeProvider.System, new SetOutbreakStart.Command("220204", tomorrow))).Error!.Field.ShouldBe("startsOn");
        (await SetOutbreakStart.HandleAsync(county, TimeProvider.System, new SetOutbreakStart.Command("2202", new DateOnly(2022, 3, 2)))).Error!.Kind.ShouldBe(Common.ErrorKind.Forbidden);
        (await SetOutbreakStart.HandleAsync(county, TimeProvider.System, new SetOutbreakStart.Command("220204003001", new DateOnly(2022, 3, 2)))).Error!.Field.ShouldBe("region");
        await using (var system = database.NewContext())
        {
            (await SetOutbreakStart.HandleAsync(system, TimeProvider.System, new SetOutbreakStart.Command("220299", new DateOnly(2022, 3, 2)))).Error!.Kind.ShouldBe(Common.ErrorKind.NotFound);
        }

        var set = await SetOutbreakStart.HandleAsync(county, TimeProvider.System, new SetOutbreakStart.Command("220204", new DateOnly(2022, 3, 2)));
        set.Value.ShouldBe(new SetOutbreakStart.OutbreakStart("220204", "船营区", new DateOnly(2022, 3, 2)));
    }

    private static string[] Lines(string[] rows) => [CsvHeaders.LineList, .. rows];

    private static async Task ImportAsync(FangkongDbContext db, string[] lines)
    {
        var imported = await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(lines));
        imported.IsSuccess.ShouldBeTrue(imported.Error?.Message);
    }
}
