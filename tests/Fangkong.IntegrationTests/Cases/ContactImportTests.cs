using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Cases;

/// <summary>Contacts files: the quarantine order of the plan in force, refusals by line, idempotent updates.</summary>
public sealed class ContactImportTests
{
    public const string Header = "contact_no,kind,source_case_no,source_contact_no,id_number,name,region_code,exposure_on,identified_on,released_on";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Contacts_GetTheOrderOfThePlanInForceOnTheirDay_AndKeepItOnReimport(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await SeedCaseAsync(database);
        var file = TempCsv.Write(
            Header,
            "M-1,close,JL-001,,,张伟,220204003001,2022-03-18,2022-03-20,",
            "S-1,secondary,,M-1,,李娜,220204003002,2022-03-19,2022-03-21,",
            "M-2,密接,JL-001,,,王芳,220204003001,2022-07-01,2022-07-02,2022-07-09");
        await using (var db = database.NewContext())
        {
            var imported = await ImportContacts.HandleAsync(db, file);
            imported.Value.ShouldBe(new ImportContacts.Imported(3, 3, 0, 0), imported.Error?.Message);
        }

        await using (var db = database.NewContext())
        {
            (await ImportContacts.HandleAsync(db, file)).Value.ShouldBe(new ImportContacts.Imported(3, 0, 0, 3));
        }

        await using (var db = database.NewContext())
        {
            // A later version from the identification day on must not rewrite M-1's order: only the release date changes.
            (await AddPolicyVersion.HandleAsync(db, new AddPolicyVersion.Command("jilin-x", "加严", "22", new DateOnly(2022, 3, 1),
                new PolicyVersion.Terms(2, new(21, 7, [1], []), new(14, 0, [1], []), 35, 2, 24, 7, 24)))).IsSuccess.ShouldBeTrue();
            (await ImportContacts.HandleAsync(db, TempCsv.Write(Header, "M-1,close,JL-001,,,张伟,220204003001,2022-03-18,2022-03-20,2022-04-03"))).Value
                .ShouldBe(new ImportContacts.Imported(1, 0, 1, 0));
        }

        await using var check = database.NewContext();
        var eighth = await check.PolicyVersions.SingleAsync(v => v.Code == PolicyVersions.Eighth);
        var ninth = await check.PolicyVersions.SingleAsync(v => v.Code == PolicyVersions.Ninth);
        var m1 = await check.Contacts.SingleAsync(c => c.ContactNo == "M-1");
        m1.Order.ShouldBe(new QuarantineOrder(eighth.Id, QuarantinePlace.Central, 14, 7, "1,4,7,14", "2,7")); // the 8th edition's home tests on days 2 and 7 (rule 4)
        m1.ReleasedOn.ShouldBe(new DateOnly(2022, 4, 3));
        (await check.Contacts.SingleAsync(c => c.ContactNo == "S-1")).Order.ShouldBe(new QuarantineOrder(eighth.Id, QuarantinePlace.Central, 7, 0, "1,4,7", string.Empty));
        (await check.Contacts.SingleAsync(c => c.ContactNo == "M-2")).Order.ShouldBe(new QuarantineOrder(ninth.Id, QuarantinePlace.Central, 7, 3, "1,2,3,5,7", "3"));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Contacts_WithBadRows_NamesEachLineAndReason_AndWritesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await SeedCaseAsync(database);
        var file = TempCsv.Write(
            Header,
            "M-1,close,JL-001,,,张伟,220204003001,2022-03-18,2022-03-20,",
            "M-2,close,JL-404,,,李娜,220204003001,2022-03-18,2022-03-20,",
            "M-3,friend,JL-001,,,王芳,220204003001,2022-03-18,2022-03-20,",
            "S-1,secondary,,M-9,,赵敏,220204003001,2022-03-18,2022-03-20,",
            "M-4,close,JL-001,,,孙丽,220204003001,2022-03-18,20-03-2022,",
            "M-1,close,JL-001,,,张伟,220204003001,2022-03-18,2022-03-20,",
            "M-5,close,JL-001,,,周杰,22029,2022-03-18,2022-03-20,");

        await using (var db = database.NewContext())
        {
            var message = (await ImportContacts.HandleAsync(db, file)).Error!.Message;
            message.ShouldContain("6 处错误");
            message.ShouldContain("第 3 行: 来源病例 JL-404 不存在");
            message.ShouldContain("第 4 行: 类别「friend」");
            message.ShouldContain("第 5 行: 来源密接 M-9 不存在");
            message.ShouldContain("第 6 行: 判定日期「20-03-2022」不是日期");
            message.ShouldContain("第 7 行: 密接编号 M-1 与第 2 行重复");
            message.ShouldContain("第 8 行: 区划代码「22029」");
        }

        await using var check = database.NewContext();
        (await check.Contacts.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Contacts_FileLargerThanSqlitesVariableLimit_ImportsAndReimports(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await SeedCaseAsync(database);
        const int Rows = 33_000;
        var file = TempCsv.Write([Header, .. Enumerable.Range(1, Rows).Select(i => $"K-{i},close,JL-001,,,某{i},220204003001,2022-03-18,2022-03-20,")]);

        await using (var db = database.NewContext())
        {
            (await ImportContacts.HandleAsync(db, file)).Value.ShouldBe(new ImportContacts.Imported(Rows, Rows, 0, 0));
        }

        await using var again = database.NewContext();
        (await ImportContacts.HandleAsync(again, file)).Value.ShouldBe(new ImportContacts.Imported(Rows, 0, 0, Rows));
        (await again.AuditLog.CountAsync(a => a.Entity == nameof(Contact))).ShouldBe(1);
        var last = await again.Contacts.SingleAsync(c => c.ContactNo == $"K-{Rows}");
        (last.Kind, last.IdentifiedOn, last.ReleasedOn, last.RegionCode, last.CentralTestDays).ShouldBe((ContactKind.Close, new DateOnly(2022, 3, 20), (DateOnly?)null, "220204003001", "1,4,7,14"));
    }

    private static async Task SeedCaseAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var imported = await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(LineListImportTests.Header, "JL-001,张伟,,220204003001,confirmed,mild,2022-03-17,,,"));
        imported.IsSuccess.ShouldBeTrue(imported.Error?.Message);
    }
}
