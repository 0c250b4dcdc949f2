using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Auditing;
using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Cases;

/// <summary>The cases, contacts and bulletin endpoints: jurisdiction, permissions, masking, audit.</summary>
public sealed class CasesApiTests
{
    private static readonly string Zhang = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);
    private static readonly string Liu = WebTestData.IdNumberFor(WebTestData.OtherCountyCommunity, "19781120", 5);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ChuanyingWorker_CannotSeeAChangyiCase_SeesOwnMasked_AndReadsAreAudited(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await SeedAsync(host.Database);
        await using var db = host.Database.NewContext();
        var changyi = await db.Cases.SingleAsync(c => c.CaseNo == "JL-2");
        var chuanying = await db.Cases.SingleAsync(c => c.CaseNo == "JL-1");
        using var county = await host.ClientAsync("county");

        (await county.GetAsync($"/api/v1/cases/{changyi.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await county.GetAsync($"/api/v1/cases?region={WebTestData.OtherCounty}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var list = await county.GetFromJsonAsync<JsonElement>("/api/v1/cases?pageSize=200");
        list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("caseNo").GetString()).ShouldBe(["JL-1"]);
        var own = await county.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{chuanying.Id}");
        own.GetProperty("idNumber").GetString().ShouldBe($"{Zhang[..6]}********{Zhang[14..17]}*");
        own.GetProperty("severityHistory").GetArrayLength().ShouldBe(1);
        (await county.GetFromJsonAsync<JsonElement>("/api/v1/contacts")).GetProperty("totalCount").GetInt32().ShouldBe(1);

        using var investigator = await host.ClientAsync("investigator");
        (await investigator.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{chuanying.Id}")).GetProperty("idNumber").GetString().ShouldBe(Zhang);

        await using var check = host.Database.NewContext();
        var reads = await check.AuditLog.Where(a => a.Action == AuditActions.Read && a.Entity == nameof(Fangkong.Cases.Case)).Select(a => a.UserName).ToListAsync();
        reads.ShouldBe(["county", "investigator"], ignoreOrder: true);
        (await check.AuditLog.CountAsync(a => a.Action == AuditActions.Search && a.Entity == nameof(Fangkong.Cases.Case))).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RolesWithoutPermission_Get403_AndTheBulletinIsRefusedOutsideTheJurisdiction(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await SeedAsync(host.Database);
        using var lab = await host.ClientAsync("lab");
        using var community = await host.ClientAsync("community");
        using var county = await host.ClientAsync("county");
        using var investigator = await host.ClientAsync("investigator");

        (await lab.GetAsync("/api/v1/cases")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await lab.GetAsync("/api/v1/reports/daily?date=2022-04-02&region=220204")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await community.GetAsync("/api/v1/contacts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var upload = new MultipartFormDataContent { { new StringContent(LineListImportTests.Header + "\nX,甲,,220204,confirmed,mild,2022-04-02,,,\n"), "file", "list.csv" } })
        {
            (await county.PostAsync("/api/v1/cases/import", upload)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        (await county.GetAsync("/api/v1/reports/daily?date=2022-04-02&region=2202")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var bad = await county.GetAsync("/api/v1/reports/daily?date=2022-4-2&region=220204");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("date", out _).ShouldBeTrue();

        (await community.GetAsync("/api/v1/reports/daily?date=2022-04-02&region=220204")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var bulletin = await county.GetFromJsonAsync<JsonElement>("/api/v1/reports/daily?date=2022-04-02&region=220204");
        bulletin.GetProperty("newConfirmed").GetProperty("total").GetInt32().ShouldBe(1);
        bulletin.GetProperty("contactsToDate").GetProperty("close").GetInt32().ShouldBe(1);
        bulletin.GetProperty("text").GetString()!.ShouldStartWith("4月2日0-24时，全区新增本土确诊病例1例（轻型1例）。其中，大东街道1例。");
        bulletin.GetProperty("textEn").GetString()!.ShouldStartWith("From 0:00 to 24:00 on 2 April 2022, 船营区 (county)");

        using (var upload = new MultipartFormDataContent { { new StringContent(LineListImportTests.Header + "\nJL-3,王芳,,220204003002,asymptomatic,,2022-04-02,,,\n"), "file", "list.csv" } })
        {
            var imported = await investigator.PostAsync("/api/v1/cases/import", upload);
            imported.StatusCode.ShouldBe(HttpStatusCode.OK, await imported.Content.ReadAsStringAsync());
        }

        var text = await investigator.GetStringAsync("/api/v1/reports/daily?date=2022-04-02&region=220204&format=text");
        text.ShouldContain("新增本土无症状感染者1例，其中大东街道1例。");
    }

    private static async Task SeedAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var cases = await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(
            LineListImportTests.Header,
            $"JL-1,张伟,{Zhang},{WebTestData.Community},confirmed,mild,2022-04-02,,,",
            $"JL-2,刘洋,{Liu},{WebTestData.OtherCountyCommunity},confirmed,moderate,2022-04-02,,,"));
        cases.IsSuccess.ShouldBeTrue(cases.Error?.Message);
        var contacts = await ImportContacts.HandleAsync(db, TempCsv.Write(
            ContactImportTests.Header,
            $"M-1,close,JL-1,,,李娜,{WebTestData.Community},2022-04-01,2022-04-02,",
            $"M-2,close,JL-2,,,某人,{WebTestData.OtherCountyCommunity},2022-04-01,2022-04-02,"));
        contacts.IsSuccess.ShouldBeTrue(contacts.Error?.Message);
    }
}
