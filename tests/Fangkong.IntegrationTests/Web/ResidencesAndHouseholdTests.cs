using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Auditing;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Web;

/// <summary>Compounds of a community and the members of a household, through the API and the pages.</summary>
public sealed class ResidencesAndHouseholdTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Compounds_AndHouseholdMembers_AreListedWithinTheJurisdiction_AndTheReadIsAudited(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await using (var db = host.Database.NewContext())
        {
            await PersonBulkLoader.LoadAsync(db, [
                Row("赵一", "19600101", 11, WebTestData.Community, "吉源小区", "1号楼", "1单元", "101", "H1"),
                Row("赵二", "19620202", 12, WebTestData.Community, "吉源小区", "1号楼", "1单元", "101", "H1"),
                Row("赵三", "19900303", 13, WebTestData.Community, "吉源小区", "2号楼", "1单元", "202", "H2"),
                Row("钱四", "19700404", 15, WebTestData.OtherCommunity, "松北小区", "3号楼", "2单元", "301", "H3"),
            ], null, CancellationToken.None);
        }

        using var community = await host.ClientAsync("community");
        var compounds = await community.GetFromJsonAsync<JsonElement>($"/api/v1/regions/{WebTestData.Community}/compounds");
        var row = compounds.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        row.GetProperty("name").GetString().ShouldBe("吉源小区");
        row.GetProperty("buildings").GetInt32().ShouldBe(2);
        row.GetProperty("residents").GetInt32().ShouldBe(3);
        (await community.GetAsync($"/api/v1/regions/{WebTestData.Street}/compounds")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await community.GetStringAsync($"/regions/{WebTestData.Community}")).ShouldContain("吉源小区");

        await using var check = host.Database.NewContext();
        var zhaoYi = await check.Persons.SingleAsync(p => p.Name == "赵一");
        var household = await community.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{zhaoYi.Id}/household");
        var member = household.EnumerateArray().ShouldHaveSingleItem();
        member.GetProperty("name").GetString().ShouldBe("赵二");
        member.GetProperty("masked").GetBoolean().ShouldBeTrue();
        var zhaoEr = await check.Persons.SingleAsync(p => p.Name == "赵二");
        var audit = (await check.AuditLog.Where(a => a.Action == AuditActions.Search && a.UserName == "community").ToListAsync()).ShouldHaveSingleItem();
        audit.After!.ShouldContain("household=H1");
        audit.After!.ShouldContain(zhaoEr.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var qian = await check.Persons.SingleAsync(p => p.Name == "钱四");
        (await community.GetAsync($"/api/v1/persons/{qian.Id}/household")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static PersonRow Row(string name, string birth, int sequence, string region, string compound, string building, string unit, string room, string household) =>
        new(DocumentType.ResidentId, WebTestData.IdNumberFor(region, birth, sequence), name, sequence % 2 == 1 ? Sex.Male : Sex.Female,
            DateOnly.ParseExact(birth, "yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), null, region, compound, building, unit, room, household, null);
}
