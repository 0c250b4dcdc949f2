using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Accountability;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Supervision.Findings;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Accountability;

/// <summary>Accountability cases through the API: roles, jurisdiction, validation, the freeze, links to findings, the audit.</summary>
public sealed class AccountabilityApiTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Cases_OtherRoles_AreRefused_CommandCentreOnlyReads(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        using (var response = await county.GetAsync(new Uri("/api/v1/accountability/cases", UriKind.Relative)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var city = await host.ClientAsync("city");
        using (var response = await city.GetAsync(new Uri("/api/v1/accountability/cases", UriKind.Relative)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using (var response = await city.PostAsJsonAsync("/api/v1/accountability/cases", AccountabilityWorld.Simple(WebTestData.County)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using var anonymous = await host.ClientAsync();
        using (var response = await anonymous.GetAsync(new Uri("/api/v1/accountability/cases", UriKind.Relative)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Cases_OutsideJurisdiction_AreRefusedAndInvisible(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var city = await host.ClientAsync("jijian");
        using var changyi = await host.ClientAsync("jijian-changyi");
        var id = await AccountabilityWorld.CreateAsync(city, AccountabilityWorld.Simple(WebTestData.County));

        using (var response = await changyi.PostAsJsonAsync("/api/v1/accountability/cases", AccountabilityWorld.Simple(WebTestData.County)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        using (var response = await changyi.GetAsync(new Uri($"/api/v1/accountability/cases/{id}", UriKind.Relative)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var response = await changyi.PutAsJsonAsync($"/api/v1/accountability/cases/{id}", AccountabilityWorld.Simple(WebTestData.County)))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using (var response = await changyi.PostAsJsonAsync($"/api/v1/accountability/cases/{id}/decide", new { decidingBody = "昌邑区纪委监委", decidedOn = "2022-04-01" }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        var list = await changyi.GetFromJsonAsync<JsonElement>("/api/v1/accountability/cases");
        list.GetProperty("totalCount").GetInt32().ShouldBe(0);
        var cityList = await city.GetFromJsonAsync<JsonElement>("/api/v1/accountability/cases");
        cityList.GetProperty("totalCount").GetInt32().ShouldBe(1);

        // The other county's inspector sees its own case and only that.
        var own = await AccountabilityWorld.CreateAsync(changyi, AccountabilityWorld.Simple(WebTestData.OtherCounty, "赵强"));
        var changyiList = await changyi.GetFromJsonAsync<JsonElement>("/api/v1/accountability/cases");
        changyiList.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetInt64()).ShouldBe([own]);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Create_BadInput_NamesTheField(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var client = await host.ClientAsync("jijian");
        await ExpectInvalidAsync(client, AccountabilityWorld.Simple(WebTestData.County, "李明", "罚款"), "officials[0].measures");
        await ExpectInvalidAsync(client, AccountabilityWorld.Simple(WebTestData.County, "李明", "党内警告", "党内严重警告"), "officials[0].measures");
        // 政务处分 and the unit's own 处分 are two routes for the same misconduct: one of them only.
        await ExpectInvalidAsync(client, AccountabilityWorld.Simple(WebTestData.County, "李明", "政务警告", "警告"), "officials[0].measures");
        // The qualifier stands between the name and 负有: typing either again would print it twice.
        foreach (var qualifier in new[] { "郭力玮作为带队领导", "作为带队领导，负有", new string('作', AccountableOfficial.QualifierMaxLength + 1) })
        {
            await ExpectInvalidAsync(client, new
            {
                region = WebTestData.County,
                title = "不正确履行下沉职责问题",
                facts = "事实",
                officials = new[] { new { name = "郭力玮", unit = "船营区第二十五小学校", post = "副校长", responsibility = "领导责任", qualifier, measures = new[] { "诫勉" } } },
            }, "officials[0].qualifier");
        }

        await ExpectInvalidAsync(client, new { region = WebTestData.County, title = "问题", facts = "x", failings = new string('失', AccountabilityCase.FailingsMaxLength + 1) }, "failings");
        await ExpectInvalidAsync(client, AccountabilityWorld.Simple("229999"), "region");
        await ExpectInvalidAsync(client, new { region = WebTestData.County, title = " ", facts = "x" }, "title");
        await ExpectInvalidAsync(client, new
        {
            region = WebTestData.County,
            title = "问题",
            facts = "事实",
            officials = new[] { new { name = "李明", unit = "船营区民政局", post = "局长", responsibility = "连带责任", measures = new[] { "诫勉" } } },
        }, "officials[0].responsibility");
        await ExpectInvalidAsync(client, new
        {
            region = WebTestData.County,
            title = "问题",
            facts = "事实",
            officials = new[] { new { name = "李明", unit = "", post = "局长", responsibility = "领导责任", measures = new[] { "诫勉" } } },
        }, "officials[0].unit");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Measures_AreKeptInCatalogueOrder_AndADecidedCaseIsFrozen(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var client = await host.ClientAsync("jijian");
        var id = await AccountabilityWorld.CreateAsync(client, AccountabilityWorld.Simple(WebTestData.County, "王兆珩", "免职", "党内严重警告"));
        var view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/accountability/cases/{id}");
        view.GetProperty("officials")[0].GetProperty("measures").EnumerateArray().Select(m => m.GetProperty("zh").GetString()).ShouldBe(["党内严重警告", "免职"]);
        view.GetProperty("status").GetString().ShouldBe("draft");

        // A decision dated tomorrow (China time) is refused; today is accepted.
        var today = Common.ChinaTime.Today(TimeProvider.System);
        using (var response = await client.PostAsJsonAsync($"/api/v1/accountability/cases/{id}/decide", new { decidingBody = "船营区纪委监委", decidedOn = today.AddDays(1) }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        await AccountabilityWorld.DecideAsync(client, id, "船营区纪委监委", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        using (var response = await client.PutAsJsonAsync($"/api/v1/accountability/cases/{id}", AccountabilityWorld.Simple(WebTestData.County, "王兆珩", "诫勉")))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        using (var response = await client.PostAsJsonAsync($"/api/v1/accountability/cases/{id}/decide", new { decidingBody = "船营区纪委监委", decidedOn = "2022-04-09" }))
        {
            response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        }

        view = await client.GetFromJsonAsync<JsonElement>($"/api/v1/accountability/cases/{id}");
        view.GetProperty("status").GetString().ShouldBe("decided");
        view.GetProperty("decidingBody").GetString().ShouldBe("船营区纪委监委");
        view.GetProperty("officials")[0].GetProperty("measures").GetArrayLength().ShouldBe(2);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Decide_WithoutOfficialOrMeasure_IsRefused(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var client = await host.ClientAsync("jijian");
        var empty = await AccountabilityWorld.CreateAsync(client, new { region = WebTestData.County, title = "问题", facts = "事实" });
        var noMeasure = await AccountabilityWorld.CreateAsync(client, new
        {
            region = WebTestData.County,
            title = "问题",
            facts = "事实",
            officials = new[] { new { name = "李明", unit = "船营区民政局", post = "局长", responsibility = "领导责任", measures = Array.Empty<string>() } },
        });
        foreach (var id in new[] { empty, noMeasure })
        {
            using var response = await client.PostAsJsonAsync($"/api/v1/accountability/cases/{id}/decide", new { decidingBody = "船营区纪委监委", decidedOn = "2022-04-09" });
            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).ShouldContain("officials");
        }

        using var missingBody = await client.PostAsJsonAsync($"/api/v1/accountability/cases/{empty}/decide", new { decidingBody = "", decidedOn = "2022-04-09" });
        missingBody.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Findings_InJurisdiction_Link_OthersAreRefused(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        long inCounty, inOtherCounty;
        await using (var db = host.Database.NewContext())
        {
            inCounty = await AddFindingAsync(db, WebTestData.Community);
            inOtherCounty = await AddFindingAsync(db, WebTestData.OtherCountyCommunity);
        }

        using var county = await host.ClientAsync("jijian");
        using var changyi = await host.ClientAsync("jijian-changyi");
        var linked = new
        {
            region = WebTestData.County,
            title = "养老院封闭管理不严",
            facts = "事实",
            findingIds = new[] { inCounty },
            officials = new[] { new { name = "李明", unit = "船营区民政局", post = "局长", responsibility = "监管责任", measures = new[] { "诫勉" } } },
        };
        var id = await AccountabilityWorld.CreateAsync(county, linked);
        var view = await county.GetFromJsonAsync<JsonElement>($"/api/v1/accountability/cases/{id}");
        view.GetProperty("findingIds").EnumerateArray().Select(f => f.GetInt64()).ShouldBe([inCounty]);

        await ExpectInvalidAsync(county, linked with { findingIds = [987654] }, "findingIds");
        // The other county's finding is not visible to the other county's inspector's case of its own county either way round.
        await ExpectInvalidAsync(changyi, linked with { region = WebTestData.OtherCounty, findingIds = [inCounty] }, "findingIds");
        var own = await AccountabilityWorld.CreateAsync(changyi, linked with { region = WebTestData.OtherCounty, findingIds = [inOtherCounty] });
        own.ShouldBeGreaterThan(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Writes_AndReads_AreAudited(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var client = await host.ClientAsync("jijian");
        var id = await AccountabilityWorld.CreateAsync(client, AccountabilityWorld.Simple(WebTestData.County));
        (await client.GetAsync(new Uri($"/api/v1/accountability/cases/{id}", UriKind.Relative))).Dispose();
        await using var db = host.Database.NewContext();
        var key = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lines = await db.AuditLog.Where(a => a.Entity == "AccountabilityCase" && a.EntityKey == key).Select(a => new { a.Action, a.UserName }).ToListAsync();
        lines.ShouldContain(l => l.Action == "insert" && l.UserName == "jijian");
        lines.ShouldContain(l => l.Action == "read" && l.UserName == "jijian");
        (await db.AuditLog.CountAsync(a => a.Entity == "AccountableOfficial" && a.Action == "insert")).ShouldBe(1);
    }

    internal static async Task<long> AddFindingAsync(FangkongDbContext db, string region)
    {
        var now = DateTimeOffset.UtcNow;
        var unit = new Organisations.Organisation("民政局", Organisations.OrganisationKind.GovernmentDepartment, region[..6]);
        db.Organisations.Add(unit);
        await db.SaveChangesAsync();
        var official = new Organisations.Official(unit, "王兆珩", "局长", isPartyMember: true);
        db.Officials.Add(official);
        await db.SaveChangesAsync();
        var finding = Finding.Raise(new Finding.Draft(
            FindingSource.Complaint, region, "养老院未严格执行封闭管理", "访客未登记进出", FindingCategory.ClosedManagement, FindingSeverity.Major,
            unit.Id, unit.Name, official.Id, "王兆珩（局长）", now.AddDays(1), "jijian", now, ComplaintRef: "12345-0001"));
        finding.IsSuccess.ShouldBeTrue(finding.Error?.Message);
        db.Findings.Add(finding.Value!);
        await db.SaveChangesAsync();
        return finding.Value!.Id;
    }

    private static async Task ExpectInvalidAsync(HttpClient client, object command, string field)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/accountability/cases", command);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, body);
        JsonDocument.Parse(body).RootElement.GetProperty("errors").TryGetProperty(field, out _).ShouldBeTrue(body);
    }
}
