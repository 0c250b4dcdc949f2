using Fangkong.Access;
using Fangkong.Auditing;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Regions;

public sealed class ImportRegionsTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Jilin_LoadsOnFirstRun_WithMeihekouOnItsOwnLine_AndAgainChangesNothing(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();

        (await EnsureReferenceData.EnsureJilinAsync(db)).ShouldBe(13_014);
        (await db.Regions.CountAsync()).ShouldBe(13_014);
        (await db.Regions.CountAsync(r => r.Level == RegionLevel.Community && r.Code.StartsWith("220204"))).ShouldBeGreaterThan(50);
        var meihekou = await db.Regions.SingleAsync(r => r.Code == "220581");
        meihekou.Name.ShouldBe("梅河口市");
        meihekou.IsReportingUnit.ShouldBeTrue();
        (await SetReportingUnit.OwnLinesAsync(db)).ShouldBe(["220581"]);
        (await db.Regions.SingleAsync(r => r.Code == "220204003001")).ParentCode.ShouldBe("220204003");

        (await EnsureReferenceData.EnsureJilinAsync(db)).ShouldBe(0);
        var again = await ImportRegions.HandleAsync(db, new ImportRegions.Source(null, "220000"));
        again.Value!.ShouldSatisfyAllConditions(s => s.Added.ShouldBe(0), s => s.Renamed.ShouldBe(0), s => s.Unchanged.ShouldBe(13_014));
        (await db.AuditLog.CountAsync(a => a.Action == AuditActions.Import && a.Entity == nameof(Region))).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AFile_OfAnotherProvince_Loads_AndARenameIsApplied(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var file = TempCsv.Write("code,name", "31,\"上海市\"", "3101,\"市辖区\"", "310101,\"黄浦区\"", "310101002,\"南京东路街道\"", "310101002001,\"贵州路居委会\"");

        var first = await ImportRegions.HandleAsync(db, new ImportRegions.Source(file, null));
        first.Value!.Added.ShouldBe(5);

        var renamed = TempCsv.Write("310000,\"上海市\"", "310101002001,\"贵州路社区居委会\"");
        var second = await ImportRegions.HandleAsync(db, new ImportRegions.Source(renamed, null));
        second.Value!.ShouldSatisfyAllConditions(s => s.Added.ShouldBe(0), s => s.Renamed.ShouldBe(1), s => s.Unchanged.ShouldBe(1));
        (await db.Regions.AsNoTracking().SingleAsync(r => r.Code == "310101002001")).Name.ShouldBe("贵州路社区居委会");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AFile_WithBadLines_IsRefusedWithTheirNumbers_AndNothingIsWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext();
        var file = TempCsv.Write(
            "31,\"上海市\"",
            "3101,\"市辖区\"",
            "31x101,\"黄浦区\"",
            "310104,\"\"",
            "3101,\"另一个名字\"",
            "310105009001,\"无上级居委会\"",
            "no comma here");

        var result = await ImportRegions.HandleAsync(db, new ImportRegions.Source(file, null));

        result.IsSuccess.ShouldBeFalse();
        var message = result.Error!.Message;
        message.ShouldContain("line 3: '31x101' is not a region code");
        message.ShouldContain("line 4: region 310104 needs a name");
        message.ShouldContain("line 5: region 3101 is '另一个名字' here but '市辖区' on line 2");
        message.ShouldContain("line 7: expected 'code,name'");
        (await db.Regions.CountAsync()).ShouldBe(0);

        var orphan = TempCsv.Write("31,\"上海市\"", "310105009001,\"无上级居委会\"");
        var refused = await ImportRegions.HandleAsync(db, new ImportRegions.Source(orphan, null));
        refused.Error!.Message.ShouldContain("line 2: the parent 310105009 of region 310105009001 is neither in the file nor loaded");
        (await db.Regions.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_IsRefused_ToAUserWithARegionalJurisdiction(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.NewContext(new Jurisdiction("county", "220204", SeesFullIdentity: false));

        var result = await ImportRegions.HandleAsync(db, new ImportRegions.Source(null, "22"));

        result.Error!.Kind.ShouldBe(Fangkong.Common.ErrorKind.Forbidden);
        await using var system = database.NewContext();
        (await system.Regions.CountAsync()).ShouldBe(0);
    }
}
