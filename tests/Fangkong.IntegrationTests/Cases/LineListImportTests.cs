using Fangkong.Access;
using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Cases;

/// <summary>The line list (病例一览表): line-numbered refusals, all or nothing, idempotent re-imports, conversions.</summary>
public sealed class LineListImportTests
{
    public const string Header = CsvHeaders.LineList;

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LineList_WithBadRows_NamesEachLineAndReason_AndWritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var file = TempCsv.Write(
            Header,
            "JL-001,张伟,,220204003001,confirmed,mild,2022-03-20,,,",
            "JL-002,李娜,,220204003001,sick,mild,2022-03-20,,,",
            "JL-003,王芳,,220204003002,confirmed,,2022-03-20,,,",
            "JL-004,刘洋,,220204999,asymptomatic,,2022-03-20,,,",
            "JL-005,赵敏,,220204003001,confirmed,moderate,2022-03-21,JL-404,,",
            "JL-006,孙丽,,220204003001,asymptomatic,,2022/13/45,,,",
            "JL-001,周杰,,220204003001,asymptomatic,,2022-03-20,,,",
            "JL-007,吴刚,,220204003001,asymptomatic,,2022-03-20,,discharged,2022-03-30",
            "JL-008,郑爽,,220204003001,confirmed,moderate,2022-03-21,JL-001,,");

        await using (var db = database.NewContext())
        {
            var result = await ImportCases.HandleAsync(db, TimeProvider.System, file);

            var message = result.Error!.Message;
            message.ShouldContain("8 处错误");
            message.ShouldContain("第 3 行: 类型「sick」");
            message.ShouldContain("第 4 行: 确诊病例缺少临床分型");
            message.ShouldContain("第 5 行: 区划 220204999 不存在");
            message.ShouldContain("第 6 行: converted_from 指向未知病例 JL-404");
            message.ShouldContain("第 7 行: 报告日期「2022/13/45」不是日期");
            message.ShouldContain("第 8 行: 病例编号 JL-001 与第 2 行重复");
            message.ShouldContain("第 9 行: 无症状感染者不能治愈出院");
            message.ShouldNotContain(Environment.NewLine + "第 2 行");
            message.ShouldContain("第 10 行: converted_from 指向的 JL-001 不是无症状感染者");
        }

        await using var check = database.NewContext();
        (await check.Cases.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LineList_ImportedAgain_UpdatesChangedRows_KeepsSeverityHistory_AndSameFileChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var zhang = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);
        var first = TempCsv.Write(
            Header,
            $"JL-001,张伟,{zhang},220204003001,confirmed,mild,2022-03-20,,,",
            "JL-002,李娜,,220204003000,asymptomatic,,2022-03-20,,,");
        var time = Clocks.At(new DateTimeOffset(2022, 3, 23, 2, 0, 0, TimeSpan.Zero));
        await using (var db = database.NewContext())
        {
            (await ImportCases.HandleAsync(db, time, first)).Value.ShouldBe(new ImportCases.Imported(2, 2, 0, 0));
        }

        await using (var db = database.NewContext())
        {
            (await ImportCases.HandleAsync(db, time, first)).Value.ShouldBe(new ImportCases.Imported(2, 0, 0, 2));
        }

        var second = TempCsv.Write(
            Header,
            $"JL-001,张伟,{zhang},220204003001,confirmed,severe,2022-03-20,,,",
            "JL-002,李娜,,220204003,asymptomatic,,2022-03-20,,released,2022-03-30",
            "JL-003,李娜,,220204003,confirmed,moderate,2022-03-22,JL-002,,");
        await using (var db = database.NewContext())
        {
            (await ImportCases.HandleAsync(db, time, second)).Value.ShouldBe(new ImportCases.Imported(3, 1, 2, 0));
        }

        await using var check = database.NewContext();
        var one = await check.Cases.Include(c => c.SeverityHistory).SingleAsync(c => c.CaseNo == "JL-001");
        one.Severity.ShouldBe(Severity.Severe);
        one.ReportedSeverity.ShouldBe(Severity.Mild);
        one.SeverityHistory.OrderBy(s => s.ChangedOn).Select(s => (s.Severity, s.ChangedOn))
            .ShouldBe([(Severity.Mild, new DateOnly(2022, 3, 20)), (Severity.Severe, new DateOnly(2022, 3, 23))]);
        one.PersonId.ShouldBe((await check.Persons.SingleAsync(p => p.DocumentNumber == zhang)).Id);
        var two = await check.Cases.SingleAsync(c => c.CaseNo == "JL-002");
        (two.Outcome, two.OutcomeOn, two.RegionCode).ShouldBe((CaseOutcome.Released, new DateOnly(2022, 3, 30), "220204003"));
        (await check.Cases.SingleAsync(c => c.CaseNo == "JL-003")).ConvertedFromCaseNo.ShouldBe("JL-002");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LineList_ConvertingAStoredAsymptomaticTwice_OrChangingAType_IsRefused(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await using (var db = database.NewContext())
        {
            (await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(
                Header, "A-1,李娜,,220204003001,asymptomatic,,2022-03-20,,,", "C-1,李娜,,220204003001,confirmed,mild,2022-03-21,A-1,,"))).IsSuccess.ShouldBeTrue();
        }

        await using (var db = database.NewContext())
        {
            (await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(Header, "C-2,李娜,,220204003001,confirmed,mild,2022-03-22,A-1,,")))
                .Error!.Message.ShouldContain("第 2 行: 无症状感染者 A-1 已由 C-1 转为确诊");
            (await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(Header, "A-1,李娜,,220204003001,confirmed,mild,2022-03-20,,,")))
                .Error!.Message.ShouldContain("第 2 行: 病例 A-1 的类型不能改变");
        }

        await using var check = database.NewContext();
        (await check.Cases.CountAsync()).ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LineList_OfACountyWorker_RefusesRowsOfTheNeighbouringCounty(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await using (var db = database.NewContext(new Jurisdiction("county", WebTestData.County, SeesFullIdentity: false)))
        {
            var message = (await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(
                Header, "JL-1,张伟,,220204003001,confirmed,mild,2022-03-20,,,", $"JL-2,刘洋,,{WebTestData.OtherCountyCommunity},confirmed,mild,2022-03-20,,,"))).Error!.Message;
            message.ShouldContain($"第 3 行: 区划 {WebTestData.OtherCountyCommunity} 不在您的辖区内");
        }

        await using var check = database.NewContext();
        (await check.Cases.CountAsync()).ShouldBe(0);
    }
}
