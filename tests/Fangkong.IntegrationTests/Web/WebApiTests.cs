using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Auditing;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Web;

/// <summary>The API through the real pipeline: sign-in, jurisdiction, roles, masking, audit, problems.</summary>
public sealed class WebApiTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Api_WithoutSignIn_Is401Problem_AndPagesRedirectToLogin(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var client = await host.ClientAsync();

        using var api = await client.GetAsync("/api/v1/persons?q=张伟");
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");

        using var page = await client.GetAsync("/persons");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/login?ReturnUrl=%2Fpersons");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SignIn_WithWrongPassword_Is401_AndWithRightPassword_GivesTheJurisdiction(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var client = await host.ClientAsync();

        using var wrong = await client.PostAsJsonAsync("/api/v1/session", new { userName = "county", password = "wrong-password1" });
        wrong.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        var failed = await wrong.Content.ReadFromJsonAsync<JsonElement>();
        failed.GetProperty("code").GetString().ShouldBe("error.web.sign-in-failed");
        failed.GetProperty("detail").GetString().ShouldBe("用户名或密码错误。");

        using var signedIn = await host.ClientAsync("county");
        var me = await signedIn.GetFromJsonAsync<JsonElement>("/api/v1/me");
        me.GetProperty("regionCode").GetString().ShouldBe(WebTestData.County);
        me.GetProperty("roles")[0].GetString().ShouldBe("county-worker");
        me.GetProperty("seesFullIdentity").GetBoolean().ShouldBeFalse();
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CountyWorker_SeesOnlyTheirCounty_AndIsRefusedAboveIt(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var client = await host.ClientAsync("county");

        var root = await client.GetFromJsonAsync<JsonElement>("/api/v1/regions");
        root.GetProperty("current").GetProperty("code").GetString().ShouldBe(WebTestData.County);
        root.GetProperty("current").GetProperty("population").GetInt64().ShouldBe(3);

        using var above = await client.GetAsync("/api/v1/regions/2202");
        above.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var otherCity = await client.GetAsync("/api/v1/regions/220202");
        otherCity.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var all = await client.GetFromJsonAsync<JsonElement>("/api/v1/persons?pageSize=50");
        var names = all.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        names.ShouldBe(["李娜", "王芳", "张伟"], ignoreOrder: true);

        // A county worker may not search by number at all; an investigator of the county does not find the neighbour's resident.
        var liuId = WebTestData.IdNumberFor(WebTestData.OtherCountyCommunity, "19781120", 5);
        using var investigator = await host.ClientAsync("investigator");
        var hidden = await investigator.GetFromJsonAsync<JsonElement>($"/api/v1/persons?q={liuId}");
        hidden.GetProperty("totalCount").GetInt32().ShouldBe(0);

        await using var db = host.Database.NewContext();
        var liu = await db.Persons.SingleAsync(p => p.Name == "刘洋");
        using var outside = await client.GetAsync($"/api/v1/persons/{liu.Id}");
        outside.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task IdentityNumbers_AreMaskedForCountyWorkers_FullForInvestigators_AndEveryReadIsAudited(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var zhangId = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);
        await using var db = host.Database.NewContext();
        var zhang = await db.Persons.SingleAsync(p => p.Name == "张伟");

        using var county = await host.ClientAsync("county");
        var masked = await county.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{zhang.Id}");
        masked.GetProperty("documentNumber").GetString().ShouldBe(zhangId[..6] + new string('*', 8) + zhangId[14..17] + "*");
        masked.GetProperty("phone").GetString().ShouldBe("139****1001");
        masked.GetProperty("masked").GetBoolean().ShouldBeTrue();

        using var investigator = await host.ClientAsync("investigator");
        var full = await investigator.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{zhang.Id}");
        full.GetProperty("documentNumber").GetString().ShouldBe(zhangId);
        var search = await investigator.GetFromJsonAsync<JsonElement>("/api/v1/persons?q=张伟");
        search.GetProperty("items")[0].GetProperty("phone").GetString().ShouldBe("13904321001");

        var reads = await db.AuditLog.Where(a => a.Action == AuditActions.Read && a.EntityKey == zhang.Id.ToString()).Select(a => a.UserName).ToListAsync();
        reads.ShouldBe(["county", "investigator"], ignoreOrder: true);
        var searches = await db.AuditLog.Where(a => a.Action == AuditActions.Search).ToListAsync();
        searches.ShouldHaveSingleItem().UserName.ShouldBe("investigator");
        searches[0].After!.ShouldContain(zhang.Id.ToString());
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LabStaff_AreRefusedTheResidentRegister(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var lab = await host.ClientAsync("lab");

        using var api = await lab.GetAsync("/api/v1/persons?q=张伟");
        api.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var page = await lab.GetAsync("/persons");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/forbidden");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HealthCode_IsSetInJurisdiction_Audited_Idempotent_AndRefusedOtherwise(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await using var db = host.Database.NewContext();
        var zhang = await db.Persons.SingleAsync(p => p.Name == "张伟");
        var wang = await db.Persons.SingleAsync(p => p.Name == "王芳");
        using var community = await host.ClientAsync("community");

        using var set = await community.PutAsJsonAsync($"/api/v1/persons/{zhang.Id}/health-code", new { healthCode = "yellow" });
        set.StatusCode.ShouldBe(HttpStatusCode.OK);
        using var again = await community.PutAsJsonAsync($"/api/v1/persons/{zhang.Id}/health-code", new { healthCode = "Yellow" });
        again.StatusCode.ShouldBe(HttpStatusCode.OK);

        var updates = await db.AuditLog.Where(a => a.Action == AuditActions.Update && a.Entity == "Person").ToListAsync();
        var update = updates.ShouldHaveSingleItem();
        update.UserName.ShouldBe("community");
        update.Before!.ShouldContain("\"HealthCode\":\"Green\"");
        update.After!.ShouldContain("\"HealthCode\":\"Yellow\"");

        using var neighbour = await community.PutAsJsonAsync($"/api/v1/persons/{wang.Id}/health-code", new { healthCode = "red" });
        neighbour.StatusCode.ShouldBe(HttpStatusCode.NotFound);

        using var bad = await community.PutAsJsonAsync($"/api/v1/persons/{zhang.Id}/health-code", new { healthCode = "2" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("healthCode")[0].GetString()!.ShouldContain("不是健康码颜色");

        using var sampler = await host.ClientAsync("sampler");
        using var refused = await sampler.PutAsJsonAsync($"/api/v1/persons/{zhang.Id}/health-code", new { healthCode = "red" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        await using var check = host.Database.NewContext();
        (await check.Persons.SingleAsync(p => p.Id == zhang.Id)).HealthCode.ShouldBe(Fangkong.Persons.HealthCode.Yellow);
        (await check.Persons.SingleAsync(p => p.Id == wang.Id)).HealthCode.ShouldBe(Fangkong.Persons.HealthCode.Green);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Health_AndOpenApiDocument_AreServed(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var client = await host.ClientAsync();

        (await client.GetStringAsync("/health")).ShouldBe("Healthy");
        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = openApi.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        paths.ShouldContain("/api/v1/persons");
        paths.ShouldContain("/api/v1/persons/{id}/health-code");
        openApi.GetProperty("info").GetProperty("title").GetString().ShouldBe("Fangkong API");
    }
}
