using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Testing;

/// <summary>The bulk files of sampling teams and labs: line-numbered refusals, idempotent re-imports, all-or-nothing results.</summary>
public sealed class TestingImportTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SamplesFile_ReportsBadLines_RecordsTheRest_AndAgainRecordsNothingTwice(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var round = await RoundAsync(database);
        var zhang = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);
        var li = WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2);
        var file = TempCsv.Write(
            "试管条码,身份证号,采样时间,采样点",
            $"JL-1,{zhang},2022-03-20T08:00:00+08:00,广场",
            $"JL-1,{li},2022-03-20T08:01:00+08:00,广场",
            $"JL-1,{li},2022-03-20T08:02:00+08:00,广场",
            $"JL-2,{zhang},not-a-time,广场");

        await using (var db = database.NewContext())
        {
            var report = (await ImportSamples.HandleAsync(db, round, file)).Value!;
            report.Recorded.ShouldBe(2);
            report.Refused.Select(r => r.Line).ShouldBe([4, 5]);
            report.Refused[0].Reason.ShouldContain("此人已在试管 JL-1 中");
            report.Refused[1].Reason.ShouldStartWith("采样时间「");
        }

        await using (var db = database.NewContext())
        {
            var again = (await ImportSamples.HandleAsync(db, round, file)).Value!;
            again.Recorded.ShouldBe(0);
            again.AlreadyRecorded.ShouldBe(2);
        }

        await using var check = database.NewContext();
        (await check.Samples.CountAsync()).ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ResultsFile_WithABadRow_RecordsNothing_AndNamesTheLine(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var round = await RoundAsync(database);
        await using (var db = database.NewContext())
        {
            await RecordScans.HandleAsync(db, round, [new("x", "JL-1", WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1), DateTimeOffset.UtcNow, "广场")]);
        }

        var bad = TempCsv.Write("tube_barcode,result,ct_n,ct_orf,reported_at,lab", "JL-1,阴性,,,2022-03-20T14:00:00+08:00,疾控", "JL-9,阴性,,,,疾控", "JL-1,阴性,abc,,,疾控");
        await using (var db = database.NewContext())
        {
            (await ImportResults.HandleAsync(db, TimeProvider.System, bad)).Error!.Message.ShouldContain("第 4 行: Ct 值不是数字");
            var unknown = TempCsv.Write("tube_barcode,result,lab", "JL-1,阴性,疾控", "JL-9,阴性,疾控");
            (await ImportResults.HandleAsync(db, TimeProvider.System, unknown)).Error!.Message.ShouldContain("第 3 行: 未知试管 JL-9");
        }

        await using (var check = database.NewContext())
        {
            (await check.Tubes.CountAsync(t => t.Result != null)).ShouldBe(0);
        }

        await using var good = database.NewContext();
        (await ImportResults.HandleAsync(good, TimeProvider.System, TempCsv.Write("试管条码,结果,检测机构", "JL-1,阴性,疾控"))).Value!.Results.ShouldBe(1);
    }

    private static async Task<long> RoundAsync(TestDatabase database)
    {
        await using var db = database.NewContext(new Jurisdiction("county", WebTestData.County, SeesFullIdentity: false));
        return (await CreateRound.HandleAsync(db, TimeProvider.System, new CreateRound.Command("第一轮", WebTestData.County, 10, null, null))).Value!.Id;
    }
}
