using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Quarantine;
using Fangkong.Quarantine.Sites;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Quarantine;

/// <summary>The sites file: all or nothing, each refused row named, a second import of the same file changes nothing.</summary>
public sealed class ImportSitesTests
{
    private const string Header = "name,kind,region_code,address,latitude,longitude,staff,contact_name,contact_phone,sections,per_section,multi_rooms,multi_capacity,accessible_rooms";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_BadRowsNamed_NothingWritten_GoodFileTwice_SameSites(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var bad = TempCsv.Write(
            Header,
            "甲酒店,hotel,220204,路1号,43.8,126.5,10,王,0432-1,2,10,2,3,1",
            "乙方舱,shelter,220211,路2号,43.8,126.5,10,王,0432-1,2,21,,,",
            "丙,tent,220204,路3号,43.8,126.5,10,王,0432-1,1,1,,,",
            "丁酒店,hotel,22,路4号,43.8,126.5,10,王,0432-1,1,1,,,");
        await using (var db = database.NewContext())
        {
            var refused = await ImportSites.HandleAsync(db, AllocationWorld.Clock, bad);
            refused.Error!.Message.ShouldContain("第 3 行");
            refused.Error.Message.ShouldContain("第 4 行");
            refused.Error.Message.ShouldContain("第 5 行");
            refused.Error.Message.ShouldNotContain("第 2 行");
        }

        await using (var db = database.NewContext())
        {
            (await db.QuarantineSites.CountAsync()).ShouldBe(0);
        }

        var good = TempCsv.Write(
            Header,
            "甲酒店,hotel,220204,路1号,43.8,126.5,10,王,0432-1,2,10,2,3,1",
            "乙方舱,shelter,220211,路2号,43.8,126.5,10,王,0432-1,2,20,,,",
            "丙医院,designated,220202,路3号,43.8,126.5,10,王,0432-1,1,5,,,");
        ImportSites.Summary first, second;
        await using (var db = database.NewContext())
        {
            first = (await ImportSites.HandleAsync(db, AllocationWorld.Clock, good)).Value!;
        }

        await using (var db = database.NewContext())
        {
            second = (await ImportSites.HandleAsync(db, AllocationWorld.Clock, good)).Value!;
        }

        (first.Created, first.AlreadyThere, first.Spaces).ShouldBe((3, 0, 20 + 40 + 5));
        (second.Created, second.AlreadyThere, second.Spaces).ShouldBe((0, 3, 0));
        await using var check = database.NewContext();
        (await check.QuarantineRooms.CountAsync()).ShouldBe(20);
        (await check.QuarantineRooms.CountAsync(r => r.Kind == RoomKind.Multi && r.Capacity == 3)).ShouldBe(2);
        (await check.QuarantineRooms.CountAsync(r => r.Kind == RoomKind.Accessible)).ShouldBe(1);
        (await check.HospitalBeds.CountAsync()).ShouldBe(45);
        (await check.SiteSections.CountAsync(s => s.Kind == SectionKind.CareUnit)).ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Import_RowOutsideJurisdiction_RefusedByLine(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var file = TempCsv.Write(Header, "甲酒店,hotel,220204,路1号,43.8,126.5,10,王,0432-1,1,2,,,", "乙酒店,hotel,220202,路2号,43.8,126.5,10,王,0432-1,1,2,,,");
        await using var county = database.NewContext(new Fangkong.Access.Jurisdiction("county", "220204", false));

        var result = await ImportSites.HandleAsync(county, AllocationWorld.Clock, file);

        result.Error!.Kind.ShouldBe(ErrorKind.Invalid);
        result.Error.Message.ShouldContain("第 3 行: 区划 220202 不在您的辖区内");
        (await county.QuarantineSites.CountAsync()).ShouldBe(0);
    }
}
