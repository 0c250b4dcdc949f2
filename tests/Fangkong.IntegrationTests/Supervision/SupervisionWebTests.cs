using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Organisations;
using Fangkong.Places;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fangkong.IntegrationTests.Supervision;

/// <summary>The supervision API and pages through the real web app: who may do what, and a finding's life from a phone-width inspection page.</summary>
public sealed partial class SupervisionWebTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Api_InspectorFindsRectifiedWithEvidence_PagesShowIt_InChinese(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var seed = await SeedAsync(host.Database);
        using var inspector = await host.ClientAsync("jijian");
        using var community = await host.ClientAsync("community");

        var planned = await PostOkAsync(inspector, "/api/v1/inspections", new
        {
            kind = "unannounced", targetKind = "place", placeId = seed.Home, checklistKey = "nursing-home", inspectors = new[] { "jijian" }, plannedOn = "2022-04-05",
        });
        var id = planned.GetProperty("id").GetInt64();
        (await community.GetStringAsync("/api/v1/inspections")).ShouldContain("\"totalCount\":0");
        await PostOkAsync(inspector, $"/api/v1/inspections/{id}/start", new { });
        var detail = JsonDocument.Parse(await inspector.GetStringAsync($"/api/v1/inspections/{id}")).RootElement;
        var item = detail.GetProperty("items")[0].GetProperty("itemId").GetInt64();
        var recorded = await PostOkAsync(inspector, $"/api/v1/inspections/{id}/results", new
        {
            itemId = item, outcome = "fail", note = "大门无人值守", officialId = seed.HomeOfficial, deadline = DateTimeOffset.UtcNow.AddDays(2),
        });
        var finding = recorded.GetProperty("findingId").GetInt64();

        await PostOkAsync(community, $"/api/v1/findings/{finding}/rectification", new { value = "已安排 24 小时门岗" });
        using var upload = new MultipartFormDataContent { { new ByteArrayContent([1, 2, 3, 4]), "file", "门岗.jpg" }, { new StringContent("整改照片"), "note" } };
        using var uploaded = await community.PostAsync($"/api/v1/findings/{finding}/evidence", upload);
        var evidence = JsonDocument.Parse(await uploaded.Content.ReadAsStringAsync()).RootElement;
        uploaded.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await community.GetByteArrayAsync($"/api/v1/evidence/{evidence.GetProperty("id").GetInt64()}")).ShouldBe(new byte[] { 1, 2, 3, 4 });

        var dashboard = await inspector.GetStringAsync("/supervision");
        dashboard.ShouldContain("督导问责看板");
        dashboard.ShouldContain("吉源养老院");
        var list = await community.GetStringAsync("/findings");
        list.ShouldContain("已提交整改");
        var page = await community.GetStringAsync($"/findings/{finding}");
        page.ShouldContain($"sha256:{evidence.GetProperty("sha256").GetString()}");
        page.ShouldContain("已安排 24 小时门岗");
        page.ShouldNotContain("verify-form");
        (await inspector.GetStringAsync($"/findings/{finding}")).ShouldContain("verify-form");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Roles_WithoutThePermission_AreRefused(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await SeedAsync(host.Database);
        using var sampler = await host.ClientAsync("sampler");
        using var community = await host.ClientAsync("community");
        using var county = await host.ClientAsync("county");

        (await sampler.GetAsync("/api/v1/findings")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await community.PostAsJsonAsync("/api/v1/inspections", new { kind = "scheduled" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.PostAsJsonAsync("/api/v1/bulletins", new { region = WebTestData.County, date = "2022-04-04" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.PutAsJsonAsync("/api/v1/checklists/hospital", new { items = Array.Empty<object>() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var page = await sampler.GetAsync("/supervision");
        page.Headers.Location!.AbsolutePath.ShouldBe("/forbidden");
        using var raise = await county.PostAsJsonAsync("/api/v1/findings", new { source = "complaint", title = "x" });
        raise.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PhonePage_AFailedItemPostedWithoutAnOwner_IsRefused_WithOne_RaisesAFinding(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var seed = await SeedAsync(host.Database);
        using var inspector = await host.ClientAsync("jijian");
        var id = (await PostOkAsync(inspector, "/api/v1/inspections", new
        {
            kind = "unannounced", targetKind = "place", placeId = seed.Home, checklistKey = "nursing-home", plannedOn = "2022-04-05",
        })).GetProperty("id").GetInt64();
        var before = await inspector.GetStringAsync($"/inspections/{id}");
        var token = Hidden(before, "__RequestVerificationToken");
        using (var started = await inspector.PostAsync($"/inspections/{id}", Form(token, ("_handler", "start"))))
        {
            started.Headers.Location!.PathAndQuery.ShouldBe($"/inspections/{id}");
        }

        var html = await inspector.GetStringAsync($"/inspections/{id}");
        html.ShouldContain("周院长（院长）");
        var item = ItemField().Match(html).Groups[1].Value;
        var deadline = DateTimeOffset.UtcNow.AddDays(2).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);
        using (var refused = await inspector.PostAsync($"/inspections/{id}", Form(token, ("_handler", $"record-{item}"), ("item", item), ("outcome", "Fail"), ("note", "无人值守"), ("deadline", deadline))))
        {
            refused.IsSuccessStatusCode.ShouldBeFalse();
            (await refused.Content.ReadAsStringAsync()).ShouldContain("责任人");
        }

        using (var recorded = await inspector.PostAsync($"/inspections/{id}", Form(token,
            ("_handler", $"record-{item}"), ("item", item), ("outcome", "Fail"), ("note", "无人值守"), ("official", $"{seed.HomeUnit}:{seed.HomeOfficial}"), ("deadline", deadline))))
        {
            recorded.Headers.Location!.PathAndQuery.ShouldBe($"/inspections/{id}");
            recorded.Headers.Location.Fragment.ShouldBe("#item-1");
        }

        (await inspector.GetStringAsync($"/inspections/{id}")).ShouldContain("已形成问题");
        (await inspector.GetStringAsync("/findings")).ShouldContain("吉源养老院");
    }

    private sealed record Seed(long Home, long HomeUnit, long HomeOfficial);

    private static async Task<Seed> SeedAsync(TestDatabase database)
    {
        long home, unit, official;
        await using (var db = database.NewContext())
        {
            var place = new Place("吉源养老院", PlaceKind.NursingHome, WebTestData.Community);
            db.Places.Add(place);
            await db.SaveChangesAsync();
            var org = new Organisation("吉源养老院", OrganisationKind.Other, WebTestData.Community, place.Id);
            db.Organisations.Add(org);
            await db.SaveChangesAsync();
            var person = new Official(org, "周院长", "院长", isPartyMember: true);
            db.Officials.Add(person);
            await db.SaveChangesAsync();
            (home, unit, official) = (place.Id, org.Id, person.Id);
        }

        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddFangkongData(database.Settings);
        services.AddFangkongIdentity();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var added = await AddUser.HandleAsync(
            sp.GetRequiredService<FangkongDbContext>(), sp.GetRequiredService<UserManager<FangkongUser>>(), sp.GetRequiredService<RoleManager<IdentityRole>>(),
            new AddUser.Command("jijian", WebTestData.Password, Roles.Inspector, "2202", "纪检监察 jijian"));
        added.IsSuccess.ShouldBeTrue(added.Error?.Message);
        return new Seed(home, unit, official);
    }

    private static async Task<JsonElement> PostOkAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement;
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Prepend(new("__RequestVerificationToken", token)));

    private static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]+)\"");
        match.Success.ShouldBeTrue($"hidden field {name}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"item\" value=\"(\\d+)\"")]
    private static partial Regex ItemField();
}
