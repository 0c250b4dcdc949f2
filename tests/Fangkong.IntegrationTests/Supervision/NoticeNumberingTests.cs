using Fangkong.Cases;
using Fangkong.Cases.Bulletins;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Regions;
using Fangkong.Supervision.Detectors;
using Microsoft.Extensions.Time.Testing;

namespace Fangkong.IntegrationTests.Supervision;

/// <summary>
/// A city's published bulletin is its numbered notice (吉林市新冠肺炎疫情防控通告 "2022第N号"): numbered
/// per issuing unit and year of issue, a correction keeping its number; provinces and counties are
/// not numbered. The mismatch detector still finds nothing to report on a notice whose records did not change.
/// </summary>
public sealed class NoticeNumberingTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CityNotices_AreNumberedPerUnitAndYear_ACorrectionKeepsItsNumber(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(new DateTimeOffset(2022, 3, 20, 2, 0, 0, TimeSpan.Zero));
        await using var db = database.NewContext();
        await EnsureReferenceData.EnsureJilinAsync(db);
        var imported = await ImportCases.HandleAsync(db, time, TempCsv.Write(
            CsvHeaders.LineList,
            "C-1,甲,,220221,confirmed,mild,2022-03-15,,,",
            "C-2,乙,,220204,confirmed,mild,2022-03-16,,,",
            "C-3,丙,,222401,confirmed,mild,2022-03-16,,,"));
        imported.IsSuccess.ShouldBeTrue(imported.Error?.Message);

        var first = (await PublishBulletin.HandleAsync(db, time, new PublishBulletin.Command("2202", new DateOnly(2022, 3, 15)))).Value!;
        var second = (await PublishBulletin.HandleAsync(db, time, new PublishBulletin.Command("2202", new DateOnly(2022, 3, 16)))).Value!;
        var corrected = (await PublishBulletin.HandleAsync(db, time, new PublishBulletin.Command("2202", new DateOnly(2022, 3, 15), "补报"))).Value!;
        var otherCity = (await PublishBulletin.HandleAsync(db, time, new PublishBulletin.Command("2224", new DateOnly(2022, 3, 16)))).Value!;
        var province = (await PublishBulletin.HandleAsync(db, time, new PublishBulletin.Command("22", new DateOnly(2022, 3, 16)))).Value!;
        var county = (await PublishBulletin.HandleAsync(db, time, new PublishBulletin.Command("220204", new DateOnly(2022, 3, 16)))).Value!;
        // The detector recomputes the published figures, the 2022 ones included: unchanged records give no finding,
        // a death recorded afterwards on a published day does.
        var detector = new BulletinMismatchDetector();
        (await detector.DetectAsync(db, DetectorSettings.Defaults(detector.Key), time.GetUtcNow(), default)).ShouldBeEmpty();
        var died = await ImportCases.HandleAsync(db, time, TempCsv.Write(CsvHeaders.LineList, "C-2,乙,,220204,confirmed,mild,2022-03-16,,died,2022-03-16"));
        died.IsSuccess.ShouldBeTrue(died.Error?.Message);
        var findings = await detector.DetectAsync(db, DetectorSettings.Defaults(detector.Key), time.GetUtcNow(), default);
        findings.Select(f => f.RegionCode).Order(StringComparer.Ordinal).ShouldBe(["22", "2202", "220204"]);
        findings.Single(f => f.RegionCode == "2202").Description.ShouldContain("死亡：通报 0，记录 1");

        time.SetUtcNow(new DateTimeOffset(2023, 1, 2, 2, 0, 0, TimeSpan.Zero));
        var nextYear = (await PublishBulletin.HandleAsync(db, time, new PublishBulletin.Command("2202", new DateOnly(2022, 12, 31)))).Value!;

        first.Text.ShouldStartWith("吉林市新冠肺炎疫情防控通告（2022第1号）\n3月15日0-24时，全市新增本土确诊病例1例，均为轻型。");
        first.Text.ShouldContain("新增确诊病例中，永吉县1例。");
        (second.NoticeYear, second.NoticeNo).ShouldBe((2022, 2));
        (corrected.Version, corrected.NoticeNo).ShouldBe((2, 1));
        corrected.Text.ShouldStartWith("吉林市新冠肺炎疫情防控通告（2022第1号）\n");
        otherCity.Text.ShouldStartWith("延边州新冠肺炎疫情防控通告（2022第1号）\n");
        province.NoticeNo.ShouldBeNull();
        province.Text.ShouldStartWith("3月16日0-24时，全省新增本土确诊病例2例（轻型2例）。其中，吉林市1例、延边州1例。");
        county.NoticeNo.ShouldBeNull();
        (nextYear.NoticeYear, nextYear.NoticeNo).ShouldBe((2023, 1));
        var listed = (await ListPublishedBulletins.GetAsync(db, second.Id)).Value!;
        (listed.Row.NoticeYear, listed.Row.NoticeNo).ShouldBe((2022, 2));
        listed.Figures[BulletinFigures.FormatKey].ShouldBe(BulletinFigures.CurrentFormat);
    }
}
