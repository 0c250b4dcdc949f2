using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Accountability;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Accountability;

/// <summary>Composing notices: only decided cases of the caller's jurisdiction, each once; nothing unpublishable; downloads by format and role.</summary>
public sealed class NoticesApiTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Compose_DraftDuplicateForeignOrPrivate_IsRefused(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var city = await host.ClientAsync("jijian");
        using var changyi = await host.ClientAsync("jijian-changyi");
        var draft = await AccountabilityWorld.CreateAsync(city, AccountabilityWorld.Simple(WebTestData.County, "李明"));
        var decided = await AccountabilityWorld.CreateAsync(city, AccountabilityWorld.Simple(WebTestData.County, "王兆珩", "免职"));
        await AccountabilityWorld.DecideAsync(city, decided);
        // A save now refuses a phone number (issue 16, item 9); a case decided before that check is made here, in the database.
        var phone = await AccountabilityWorld.CreateAsync(city, AccountabilityWorld.Simple(WebTestData.County, "侯金龙"));
        await using (var db = host.Database.NewContext())
        {
            var stored = await db.AccountabilityCases.Include(c => c.Officials).Include(c => c.Findings).SingleAsync(c => c.Id == phone);
            stored.Edit(stored.Title, "其联系电话13904321001未如实报备", null, null, null,
                [.. stored.Officials.Select(o => new AccountableOfficial(o.Name, o.Unit, o.Post, o.OfficialRegion, o.Responsibility, o.ResponsibilityNote, o.MeasureList))],
                [], DateTimeOffset.UtcNow).ShouldBeNull();
            stored.Decide("吉林市纪委监委", new DateOnly(2022, 4, 9), "jijian", DateTimeOffset.UtcNow).ShouldBeNull();
            await db.SaveChangesAsync();
        }

        await ExpectAsync(city, [draft], HttpStatusCode.Conflict);
        await ExpectAsync(city, [decided, decided], HttpStatusCode.BadRequest);
        await ExpectAsync(city, [], HttpStatusCode.BadRequest);
        await ExpectAsync(city, [phone], HttpStatusCode.BadRequest);
        await ExpectAsync(city, [decided, 999_999], HttpStatusCode.NotFound);
        await ExpectAsync(changyi, [decided], HttpStatusCode.NotFound);
        using (var noBody = await city.PostAsJsonAsync("/api/v1/notices", new { issuingBody = "", caseIds = new[] { decided } }))
        {
            noBody.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using var city2 = await host.ClientAsync("city");
        using (var commandCentre = await city2.PostAsJsonAsync("/api/v1/notices", new { issuingBody = "吉林市纪委监委", caseIds = new[] { decided } }))
        {
            commandCentre.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        // The preview writes nothing; the notice is kept with its matters in order.
        using (var preview = await city.PostAsJsonAsync("/api/v1/notices/preview", new { issuingBody = "吉林市纪委监委", caseIds = new[] { decided } }))
        {
            preview.StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        (await city.GetFromJsonAsync<JsonElement>("/api/v1/notices")).GetProperty("totalCount").GetInt32().ShouldBe(0);
        var id = await ComposeAsync(city, [decided]);
        var view = await city.GetFromJsonAsync<JsonElement>($"/api/v1/notices/{id}");
        view.GetProperty("document").GetProperty("matters")[0].GetString()!.ShouldStartWith("一、船营区民政局副局长王兆珩");
        // What is published carries no record ids.
        view.GetProperty("document").EnumerateObject().Select(p => p.Name).ShouldBe(["title", "issuingBody", "issuedOn", "opening", "matters", "closing", "dateText"], ignoreOrder: true);

        using (var badFormat = await city.GetAsync(new Uri($"/api/v1/notices/{id}/notice.exe", UriKind.Relative)))
        {
            badFormat.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using (var other = await changyi.GetAsync(new Uri($"/api/v1/notices/{id}/notice.txt", UriKind.Relative)))
        {
            other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        using var county = await host.ClientAsync("county");
        using (var worker = await county.GetAsync(new Uri($"/api/v1/notices/{id}/notice.txt", UriKind.Relative)))
        {
            worker.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }
    }

    private static async Task<long> ComposeAsync(HttpClient client, long[] ids)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/notices", new { issuingBody = "吉林市纪委监委", issuedOn = "2022-04-09", caseIds = ids });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    private static async Task ExpectAsync(HttpClient client, long[] ids, HttpStatusCode status)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/notices", new { issuingBody = "吉林市纪委监委", caseIds = ids });
        response.StatusCode.ShouldBe(status, await response.Content.ReadAsStringAsync());
    }
}
