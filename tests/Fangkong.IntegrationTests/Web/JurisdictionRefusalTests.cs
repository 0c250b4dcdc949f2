using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Web;

/// <summary>
/// The issue's own example: a community worker of 大东街道 (船营区) can neither read, list,
/// search nor change a person of 昌邑区, through the API or through the pages.
/// </summary>
public sealed class JurisdictionRefusalTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DadongWorker_CannotReadListSearchOrChange_APersonOfChangyi(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await using var db = host.Database.NewContext();
        var liu = await db.Persons.SingleAsync(p => p.Name == "刘洋");
        var liuDocument = liu.DocumentNumber;
        using var dadong = await host.ClientAsync("dadong");

        // Read
        (await dadong.GetAsync($"/api/v1/persons/{liu.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using (var page = await dadong.GetAsync($"/persons/{liu.Id}"))
        {
            page.StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await page.Content.ReadAsStringAsync()).ShouldNotContain("刘洋");
        }

        // List (by region) and browse
        (await dadong.GetAsync($"/api/v1/persons?region={WebTestData.OtherCounty}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await dadong.GetAsync($"/api/v1/regions/{WebTestData.OtherCounty}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await dadong.GetAsync($"/regions/{WebTestData.OtherCounty}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var everyone = await dadong.GetFromJsonAsync<JsonElement>("/api/v1/persons?pageSize=200");
        everyone.GetProperty("items").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldNotContain("刘洋");

        // Search by name and by full document number
        (await dadong.GetFromJsonAsync<JsonElement>("/api/v1/persons?q=刘洋")).GetProperty("totalCount").GetInt32().ShouldBe(0);
        // (a community worker sees masked numbers, so a search by number is refused outright: it never confirms an owner)
        (await dadong.GetAsync($"/api/v1/persons?q={liuDocument}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await dadong.GetStringAsync("/persons?q=刘洋")).ShouldNotContain("刘洋</a>");

        // Change
        using var change = await dadong.PutAsJsonAsync($"/api/v1/persons/{liu.Id}/health-code", new { healthCode = "red" });
        change.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        await using var check = host.Database.NewContext();
        (await check.Persons.SingleAsync(p => p.Id == liu.Id)).HealthCode.ShouldBe(HealthCode.Green);

        // ...while the same worker does see and change people of 大东街道.
        var zhang = await db.Persons.SingleAsync(p => p.Name == "张伟");
        (await dadong.GetAsync($"/api/v1/persons/{zhang.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var own = await dadong.PutAsJsonAsync($"/api/v1/persons/{zhang.Id}/health-code", new { healthCode = "red" });
        own.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
