using Fangkong.Access;
using Fangkong.Auditing;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Persons.PersonFiles;

namespace Fangkong.IntegrationTests.Persons;

public sealed class ImportPersonsTests
{
    private static readonly string Zhang = Id("19850307", 13);
    private static readonly string Li = Id("19870611", 24);
    private static readonly string Wang = Id("20100102", 35);

    private static string[] ValidLines(string zhangPhone = "13904321234") =>
    [
        Header,
        $"{Zhang},张伟,男,1985-03-07,{zhangPhone},220204003001,吉源小区,1号楼,1单元,101,22020400300100001",
        $"{Li},李娜,女,1987-06-11,,220204003001,吉源小区,1号楼,2单元,201,22020400300100002",
        $"{Wang},王磊,M,2010-01-02,,220204100200,大绥河村一组,,,12号,22020410020000001",
    ];

    private static async Task<TestDatabase> DatabaseWithRegionsAsync(DatabaseProvider provider)
    {
        var db = await TestDatabase.CreateAsync(provider);
        await using var context = db.NewContext();
        await SeedRegionsAsync(context);
        return db;
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_ValidFile_CreatesPersonsCompoundsBuildingsAndUnits(DatabaseProvider provider)
    {
        await using var db = await DatabaseWithRegionsAsync(provider);
        var file = Write(ValidLines());

        await using (var context = db.NewContext())
        {
            var result = await ImportPersons.HandleAsync(context, new ImportPersons.Command(file));
            result.Error.ShouldBeNull();
            result.Value!.Load.Inserted.ShouldBe(3);
            result.Value.Load.Updated.ShouldBe(0);
            result.Value.Load.CompoundsCreated.ShouldBe(2);
            result.Value.Load.BuildingsCreated.ShouldBe(1);
            result.Value.Load.UnitsCreated.ShouldBe(2);
        }

        await using var check = db.NewContext();
        (await check.Persons.CountAsync()).ShouldBe(3);
        (await check.Compounds.Select(c => c.Name).OrderBy(n => n).ToListAsync()).ShouldBe(["吉源小区", "大绥河村一组"], ignoreOrder: true);
        (await check.Buildings.CountAsync()).ShouldBe(1);
        (await check.BuildingUnits.CountAsync()).ShouldBe(2);
        var li = await check.Persons.SingleAsync(p => p.DocumentNumber == Li);
        li.Name.ShouldBe("李娜");
        li.Sex.ShouldBe(Sex.Female);
        li.BirthDate.ShouldBe(new DateOnly(1987, 6, 11));
        li.Phone.ShouldBeNull();
        li.HealthCode.ShouldBe(HealthCode.Green);
        li.RegionCode.ShouldBe("220204003001");
        li.Room.ShouldBe("201");
        (await check.BuildingUnits.SingleAsync(u => u.Id == li.BuildingUnitId)).Name.ShouldBe("2单元");
        (await check.Buildings.SingleAsync(b => b.Id == li.BuildingId)).Name.ShouldBe("1号楼");
        var wang = await check.Persons.SingleAsync(p => p.DocumentNumber == Wang);
        wang.CompoundId.ShouldNotBeNull();
        wang.BuildingId.ShouldBeNull();
        wang.BuildingUnitId.ShouldBeNull();
        var audit = await check.AuditLog.Where(a => a.Action == AuditActions.Import).ToListAsync();
        audit.Count.ShouldBe(1);
        audit[0].After!.ShouldContain("\"rows\":3");
        audit[0].After!.ShouldContain("\"inserted\":3");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_ChineseHeadersAndOptionalColumns_AreUnderstood(DatabaseProvider provider)
    {
        await using var db = await DatabaseWithRegionsAsync(provider);
        var file = Write(
            "证件类型,身份证号,姓名,性别,出生日期,联系电话,区划代码,小区,楼栋,单元,门牌号,户号,健康码",
            $"居民身份证,{Zhang},张伟,男,1985/03/07,139-0432-1234,220204003001,吉源小区,1号楼,1单元,101,H1,红码",
            "护照,E12345678,John Smith,male,1990-05-01,+8613500001111,220204003002,松北小区,2号楼,1单元,302,H2,黄");

        await using (var context = db.NewContext())
        {
            (await ImportPersons.HandleAsync(context, new ImportPersons.Command(file))).Error.ShouldBeNull();
        }

        await using var check = db.NewContext();
        var zhang = await check.Persons.SingleAsync(p => p.DocumentNumber == Zhang);
        zhang.Phone.ShouldBe("13904321234");
        zhang.HealthCode.ShouldBe(HealthCode.Red);
        var smith = await check.Persons.SingleAsync(p => p.DocumentType == DocumentType.Passport);
        smith.DocumentNumber.ShouldBe("E12345678");
        smith.Phone.ShouldBe("13500001111");
        smith.HealthCode.ShouldBe(HealthCode.Yellow);
        smith.RegionCode.ShouldBe("220204003002");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Reimport_WithChangedPhone_UpdatesWithoutDuplicatingAndKeepsHealthCode(DatabaseProvider provider)
    {
        await using var db = await DatabaseWithRegionsAsync(provider);
        await using (var context = db.NewContext())
        {
            (await ImportPersons.HandleAsync(context, new ImportPersons.Command(Write(ValidLines())))).Error.ShouldBeNull();
        }

        await using (var context = db.NewContext())
        {
            // A colour set since the first import must survive a roster update that has no health_code column.
            var zhang = await context.Persons.SingleAsync(p => p.DocumentNumber == Zhang);
            zhang.HealthCode = HealthCode.Red;
            await context.SaveChangesAsync();
        }

        await using (var context = db.NewContext())
        {
            var again = await ImportPersons.HandleAsync(context, new ImportPersons.Command(Write(ValidLines(zhangPhone: "18643219999"))));
            again.Error.ShouldBeNull();
            again.Value!.Load.Inserted.ShouldBe(0);
            again.Value.Load.Updated.ShouldBe(3);
            again.Value.Load.CompoundsCreated.ShouldBe(0);
            again.Value.Load.UnitsCreated.ShouldBe(0);
        }

        await using var check = db.NewContext();
        (await check.Persons.CountAsync()).ShouldBe(3);
        (await check.Compounds.CountAsync()).ShouldBe(2);
        (await check.BuildingUnits.CountAsync()).ShouldBe(2);
        var updated = await check.Persons.SingleAsync(p => p.DocumentNumber == Zhang);
        updated.Phone.ShouldBe("18643219999");
        updated.HealthCode.ShouldBe(HealthCode.Red);
        (await check.AuditLog.CountAsync(a => a.Action == AuditActions.Import)).ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_FileWithBadRows_IsRefusedWithTheirLinesAndWritesNothing(DatabaseProvider provider)
    {
        await using var db = await DatabaseWithRegionsAsync(provider);
        var badChecksum = Id("19900101", 11)[..17] + (Id("19900101", 11)[17] == '0' ? "1" : "0");
        var file = Write(
            Header,
            $"{Zhang},张伟,男,1985-03-07,13904321234,220204003001,吉源小区,1号楼,1单元,101,H1",
            $"{badChecksum},赵六,男,1990-01-01,,220204003001,吉源小区,1号楼,1单元,102,H2",
            $"{Li},李娜,女,1987-06-12,,220204003001,吉源小区,1号楼,2单元,201,H3",
            $"{Wang},王磊,男,2010-01-02,,220204003999,吉源小区,1号楼,2单元,202,H4");

        await using (var context = db.NewContext())
        {
            var result = await ImportPersons.HandleAsync(context, new ImportPersons.Command(file));
            result.IsSuccess.ShouldBeFalse();
            result.Error!.Field.ShouldBe("file");
            result.Error.Message.ShouldContain("第 3 行 id_number");
            result.Error.Message.ShouldContain("第 4 行 birth_date");
            result.Error.Message.ShouldContain("第 5 行 region_code");
            result.Error.Message.ShouldNotContain("第 2 行");

            var validation = (await ImportPersons.ValidateAsync(context, file)).Value!;
            validation.Errors.Select(e => (e.Line, e.Field)).ShouldBe([(3L, "id_number"), (4L, "birth_date"), (5L, "region_code")]);
        }

        await using var check = db.NewContext();
        (await check.Persons.CountAsync()).ShouldBe(0);
        (await check.Compounds.CountAsync()).ShouldBe(0);
        (await check.AuditLog.CountAsync(a => a.Action == AuditActions.Import)).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_WithSkipInvalid_LoadsTheGoodRowsAndReportsTheSkippedLines(DatabaseProvider provider)
    {
        await using var db = await DatabaseWithRegionsAsync(provider);
        var file = Write(
            Header,
            $"{Zhang},张伟,男,1985-03-07,13904321234,220204003001,吉源小区,1号楼,1单元,101,H1",
            $"{Li},李娜,男,1987-06-11,,220204003001,吉源小区,1号楼,2单元,201,H2",
            $"{Wang},王磊,男,2010-01-02,12345,220204003001,吉源小区,1号楼,2单元,202,H3",
            $"{Zhang},张伟,男,1985-03-07,13904321234,220204003001,吉源小区,1号楼,1单元,101,H1");

        await using (var context = db.NewContext())
        {
            var result = await ImportPersons.HandleAsync(context, new ImportPersons.Command(file, SkipInvalid: true));
            result.Error.ShouldBeNull();
            result.Value!.RowsRead.ShouldBe(4);
            result.Value.SkippedRows.ShouldBe(3);
            result.Value.Skipped.Select(e => (e.Line, e.Field)).ShouldBe([(3L, "sex"), (4L, "phone"), (5L, "id_number")]);
            result.Value.Skipped[2].Reason.ShouldContain("已在第 2 行");
            result.Value.Load.Inserted.ShouldBe(1);
        }

        await using var check = db.NewContext();
        (await check.Persons.Select(p => p.DocumentNumber).ToListAsync()).ShouldBe([Zhang]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_RowOutsideTheJurisdiction_IsRefused(DatabaseProvider provider)
    {
        await using var db = await DatabaseWithRegionsAsync(provider);
        var dadong = new Jurisdiction("worker", "220204003", SeesFullIdentity: false);
        await using (var context = db.NewContext(dadong))
        {
            var result = await ImportPersons.HandleAsync(context, new ImportPersons.Command(Write(ValidLines())));
            result.Error!.Message.ShouldContain("第 4 行 region_code");
        }

        await using var check = db.NewContext();
        (await check.Persons.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task BulkLoader_RowOutsideTheJurisdiction_ThrowsAndWritesNothing(DatabaseProvider provider)
    {
        await using var db = await DatabaseWithRegionsAsync(provider);
        PersonRow[] rows =
        [
            new(DocumentType.ResidentId, Zhang, "张伟", Sex.Male, null, null, "220204003001", "吉源小区", null, null, null, null, null),
            new(DocumentType.ResidentId, Wang, "王磊", Sex.Male, null, null, "220204100200", "一组", null, null, null, null, null),
        ];
        await using (var context = db.NewContext(new Jurisdiction("worker", "220204003", SeesFullIdentity: false)))
        {
            await Should.ThrowAsync<JurisdictionViolationException>(() => PersonBulkLoader.LoadAsync(context, rows, null, CancellationToken.None));
        }

        await using var check = db.NewContext();
        (await check.Persons.CountAsync()).ShouldBe(0);
        (await check.Compounds.CountAsync()).ShouldBe(0);
    }
}
