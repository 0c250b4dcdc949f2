using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.IntegrationTests.Web.Input;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Cases;

/// <summary>
/// <c>PUT /api/v1/bulletins/outbreak-start</c> refuses a bad day with a 400 that names the body's
/// field, <c>startsOn</c>, however the day is wrong: tomorrow (the handler's check), far in the
/// future (the web's input guard, which named it <c>startsOn</c> while the handler said
/// <c>starts_on</c>), or not a date at all (the JSON reader). Nothing is stored.
/// </summary>
public sealed class OutbreakStartApiTests
{
    /// <summary>Tomorrow (the handler's check), far in the future (the web's input guard), not a date (the JSON reader).</summary>
    private static readonly string[] BadDays = ["tomorrow", "2099-01-01", "2022-13-45"];

    // One case per provider (the Database trait), the three bad days inside it.
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task OutbreakStart_ABadDay_Is400NamingStartsOn_AndNothingIsStored(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider, seed: async database =>
        {
            await WebTestData.SeedAsync(database);
            await InputWorld.AddCommandCentreAsync(database);
        });
        using var city = await host.ClientAsync("city");
        foreach (var day in BadDays)
        {
            await ShouldBeRefusedAsync(host, city, day);
        }
    }

    private static async Task ShouldBeRefusedAsync(WebTestHost host, HttpClient city, string day)
    {
        var sent = day == "tomorrow" ? ChinaTime.Today(TimeProvider.System).AddDays(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : day;

        using var response = await city.PutAsJsonAsync("/api/v1/bulletins/outbreak-start", new { region = "2202", startsOn = sent });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, day);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("status").GetInt32().ShouldBe(400);
        problem.GetProperty("errors").EnumerateObject().Select(e => e.Name).ShouldBe(["startsOn"]);
        await using var check = host.Database.NewContext();
        (await check.Regions.AsNoTracking().SingleAsync(r => r.Code == "2202")).OutbreakStartsOn.ShouldBeNull();
    }
}
