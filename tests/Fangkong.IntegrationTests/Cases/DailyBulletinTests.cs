using Fangkong.Access;
using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Regions;

namespace Fangkong.IntegrationTests.Cases;

/// <summary>
/// The bulletin from a constructed line list of a few days: conversions on the day of the
/// confirmed record, reporting units (梅河口市 on its own line), outcomes by type, contacts to
/// the end of the day.
/// </summary>
public sealed class DailyBulletinTests
{
    private static readonly DateOnly Day = new(2022, 4, 2);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Province_CountsByUnit_ConversionsOnTheirDay_AndContactsToTheEndOfTheDay(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        await using var db = database.NewContext();

        var bulletin = (await BuildDailyBulletin.HandleAsync(db, "220000", Day)).Value!;

        bulletin.Region.ShouldBe(new BulletinRegion("22", "吉林省", RegionLevel.Province));
        bulletin.NewConfirmed.ShouldBe(bulletin.NewConfirmed with { Total = 6, Mild = 3, Moderate = 1, Severe = 1, Critical = 1, Converted = 2 });
        bulletin.NewConfirmed.ByUnit.ShouldBe([
            new ConfirmedUnit("2202", "吉林市", 3, 2), new ConfirmedUnit("2201", "长春市", 2, 0), new ConfirmedUnit("220581", "梅河口市", 1, 0)]);
        bulletin.NewAsymptomatic.ShouldBe(new UnitFigures(2, bulletin.NewAsymptomatic.ByUnit));
        bulletin.NewAsymptomatic.ByUnit.ShouldBe([new UnitCount("2201", "长春市", 1), new UnitCount("2202", "吉林市", 1)]);
        bulletin.Discharged.Total.ShouldBe(1);
        bulletin.Discharged.ByUnit.ShouldBe([new UnitCount("2205", "通化市", 1)]);
        bulletin.ReleasedFromObservation.ByUnit.ShouldBe([new UnitCount("2202", "吉林市", 1)]);
        bulletin.ContactsToDate.ShouldBe(new ContactsToDate(Close: 3, CloseReleased: 1, Secondary: 1, SecondaryReleased: 0));

        BulletinTextZh.Render(bulletin).ShouldBe(
            "4月2日0-24时，全省新增本土确诊病例6例（轻型3例、普通型1例、重型1例、危重型1例）。其中，吉林市3例（含2例无症状感染者转为确诊病例）、长春市2例、梅河口市1例。" +
            "新增本土无症状感染者2例，其中长春市1例、吉林市1例。以上感染者均已转运至定点医疗机构隔离治疗，对以上人员的密切接触者、次密切接触者均已开展追踪排查，并落实管控措施，对其生活和工作场所进行了终末消毒。" +
            "新增治愈出院确诊病例1例，其中通化市1例。新增解除隔离医学观察无症状感染者1例，其中吉林市1例。新增死亡病例1例，其中吉林市1例。" +
            "截至4月2日24时，全省本次疫情累计治愈出院确诊病例和解除隔离医学观察无症状感染者2例（吉林市1例、通化市1例），在院治疗8例。" +
            "截至4月2日24时，全省本次疫情累计排查出密切接触者3人，解除隔离1人；次密切接触者1人，解除隔离0人。");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheDayBefore_CountsTheAsymptomaticRecords_NotTheirLaterConversion(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        await using var db = database.NewContext();

        var before = (await BuildDailyBulletin.HandleAsync(db, "22", Day.AddDays(-1))).Value!;

        before.NewConfirmed.Total.ShouldBe(0);
        before.NewAsymptomatic.ByUnit.ShouldBe([new UnitCount("2202", "吉林市", 2)]);
        before.ContactsToDate.ShouldBe(new ContactsToDate(1, 0, 0, 0));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task City_ListsItsCounties_AndACountyWorkerCannotAskForTheCity(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        await using (var db = database.NewContext())
        {
            var city = (await BuildDailyBulletin.HandleAsync(db, "2202", Day)).Value!;
            city.NewConfirmed.ByUnit.ShouldBe([new ConfirmedUnit("220204", "船营区", 2, 1), new ConfirmedUnit("220202", "昌邑区", 1, 1)]);
            // The city's notice: no county line, since 船营区 and 昌邑区 are urban districts; nobody was a known contact, so all social-level.
            BulletinTextZh.Render(city).ShouldStartWith(
                "4月2日0-24时，全市新增本土确诊病例3例（含2例无症状感染者转为确诊病例）。新增病例中，轻型1例，重型1例，危重型1例。以上病例均为社会面筛查发现。" +
                "新增本土无症状感染者1例，为社会面筛查发现。目前，以上感染者均已转运至定点医疗机构隔离治疗，对以上人员的密切接触者、次密切接触者均已开展追踪排查，并落实管控措施，对其生活和工作场所进行了终末消毒。");
        }

        await using var county = database.NewContext(new Jurisdiction("county", "220204", SeesFullIdentity: false));
        (await BuildDailyBulletin.HandleAsync(county, "2202", Day)).Error!.Kind.ShouldBe(Common.ErrorKind.Forbidden);
        (await BuildDailyBulletin.HandleAsync(county, "220204", Day)).Value!.NewConfirmed.Total.ShouldBe(2);
        (await BuildDailyBulletin.HandleAsync(county, "220204003001", Day)).Error!.Field.ShouldBe("region");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ImportedCases_AreCountedApartFromLocalOnes(DatabaseProvider provider)
    {
        await using var database = await SeedAsync(provider);
        await using var db = database.NewContext();
        var imported = await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(
            LineListImportTests.Header + ",source",
            "I-1,外甲,,220102,confirmed,mild,2022-04-02,,,,import",
            "I-2,外乙,,220102,asymptomatic,,2022-04-02,,,,Import",
            "L-1,本甲,,220102,confirmed,mild,2022-04-02,,,,hospital"));
        imported.IsSuccess.ShouldBeTrue(imported.Error?.Message);

        var bulletin = (await BuildDailyBulletin.HandleAsync(db, "22", Day)).Value!;

        bulletin.NewConfirmed.Total.ShouldBe(7);
        bulletin.NewAsymptomatic.Total.ShouldBe(2);
        bulletin.Imported.ShouldBe(new ImportedCases(1, 1));
        BulletinTextZh.Render(bulletin).ShouldContain("新增本土无症状感染者2例，其中长春市1例、吉林市1例。新增境外输入确诊病例1例，境外输入无症状感染者1例。以上感染者均已转运至定点医疗机构隔离治疗，对以上人员的密切接触者、次密切接触者均已开展追踪排查，并落实管控措施，对其生活和工作场所进行了终末消毒。新增治愈出院确诊病例1例");
    }

    private static async Task<TestDatabase> SeedAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.NewContext())
        {
            foreach (var (code, name) in new[]
            {
                ("22", "吉林省"), ("2201", "长春市"), ("220102", "南关区"), ("2202", "吉林市"), ("220202", "昌邑区"), ("220204", "船营区"),
                ("220204003", "大东街道"), ("220204003001", "吉源社区"), ("2205", "通化市"), ("220502", "东昌区"), ("220581", "梅河口市"),
            })
            {
                var region = new Region(RegionCode.Parse(code), name);
                region.SetReportingUnit(code == "220581");
                db.Regions.Add(region);
            }

            await db.SaveChangesAsync();
        }

        await using (var db = database.NewContext())
        {
            var cases = await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(
                LineListImportTests.Header,
                // The day before: two asymptomatic infections in 吉林市, both converted on the day.
                "A-1,甲,,220204003001,asymptomatic,,2022-04-01,,,",
                "A-2,乙,,220202,asymptomatic,,2022-04-01,,,",
                "C-1,甲,,220204003001,confirmed,mild,2022-04-02,A-1,,",
                "C-2,乙,,220202,confirmed,critical,2022-04-02,A-2,,",
                "C-3,丙,,220204,confirmed,severe,2022-04-02,,,",
                "C-4,丁,,220102,confirmed,mild,2022-04-02,,,",
                "C-5,戊,,220102,confirmed,moderate,2022-04-02,,,",
                "C-6,己,,220581,confirmed,mild,2022-04-02,,,",
                "A-3,庚,,220102,asymptomatic,,2022-04-02,,,",
                "A-4,辛,,220204003,asymptomatic,,2022-04-02,,,",
                // Outcomes on the day: a discharge in 通化市, a release in 吉林市; a death counts in neither.
                "C-7,壬,,220502,confirmed,mild,2022-03-20,,discharged,2022-04-02",
                "A-5,癸,,220202,asymptomatic,,2022-03-22,,released,2022-04-02",
                "C-8,子,,220202,confirmed,critical,2022-03-22,,died,2022-04-02",
                // Outside the day.
                "C-9,丑,,220102,confirmed,mild,2022-04-03,,discharged,2022-04-10"));
            cases.IsSuccess.ShouldBeTrue(cases.Error?.Message);
            var contacts = await ImportContacts.HandleAsync(db, TempCsv.Write(
                ContactImportTests.Header,
                "M-1,close,C-1,,,密一,220204003001,2022-03-31,2022-04-01,2022-04-02",
                "M-2,close,C-1,,,密二,220204003001,2022-03-31,2022-04-02,2022-04-03",
                "M-3,close,C-4,,,密三,220102,2022-04-01,2022-04-02,",
                "M-4,close,C-4,,,密四,220102,2022-04-01,2022-04-03,",
                "S-1,secondary,,M-1,,次一,220204003001,2022-04-01,2022-04-02,2022-04-05"));
            contacts.IsSuccess.ShouldBeTrue(contacts.Error?.Message);
        }

        return database;
    }
}
