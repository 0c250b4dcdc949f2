using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Access;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Organisations;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Fangkong.IntegrationTests.Passes;

/// <summary>
/// What the pass tests add to <see cref="WebTestData"/>: a city command centre, a worker of the
/// other county, a checkpoint officer, two units, and helpers to apply, approve and scan.
/// </summary>
public static class PassesWorld
{
    public const string City = "2202";

    /// <summary>User name → (role, region), added on top of <see cref="WebTestData.Users"/>.</summary>
    public static IReadOnlyDictionary<string, (string Role, string Region)> Users { get; } = new Dictionary<string, (string, string)>
    {
        ["city"] = (Roles.CommandCentre, City),
        ["changyi"] = (Roles.CountyWorker, WebTestData.OtherCounty),
        ["officer"] = (Roles.CheckpointOfficer, WebTestData.County),
        ["officer2"] = (Roles.CheckpointOfficer, WebTestData.County),
    };

    /// <summary>Seeds the users and two units (one in 吉源社区, one in 昌邑区) and returns the units' ids.</summary>
    public static async Task<(long Unit, long OtherCountyUnit)> SeedAsync(TestDatabase database)
    {
        await TestUsers.AddAsync(database.Settings, Users);

        await using var db = database.NewContext();
        var unit = new Organisation("吉源保供超市", OrganisationKind.Enterprise, WebTestData.Community);
        var other = new Organisation("兴华物流公司", OrganisationKind.Enterprise, WebTestData.OtherCountyCommunity);
        db.Organisations.AddRange(unit, other);
        await db.SaveChangesAsync();
        return (unit.Id, other.Id);
    }

    public static async Task SetQuotaAsync(HttpClient client, long unit, string kind, int limit)
    {
        using var response = await client.PutAsJsonAsync("/api/v1/passes/quotas", new { organisationId = unit, kind, limit });
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
    }

    public static object Application(long unit, string[] regions, string kind = "SupplyTransport", DateTimeOffset? from = null, DateTimeOffset? to = null, string? plate = "吉B12345") => new
    {
        kind,
        organisationId = unit,
        regions,
        holderName = "张伟",
        holderIdNumber = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1),
        plate,
        purpose = "为吉源社区配送生活物资",
        validFrom = from ?? DateTimeOffset.UtcNow.AddHours(-3),
        validTo = to ?? DateTimeOffset.UtcNow.AddDays(2),
    };

    public static async Task<long> ApplyAsync(HttpClient client, object application)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/passes", application);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    /// <summary>Approves and returns the token.</summary>
    public static async Task<string> ApproveAsync(HttpClient client, long id)
    {
        using var response = await client.PostAsync($"/api/v1/passes/{id}/approve", null);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("token").GetString()!;
    }

    public static async Task<long> CheckpointAsync(HttpClient client, string name, string region, double? lat = null, double? lon = null)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/checkpoints", new { name, regionCode = region, location = "路口", latitude = lat, longitude = lon, onDuty = "王警官、李协警" });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
    }

    public static async Task<JsonElement> ScanAsync(HttpClient client, long checkpoint, params object[] scans)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/checkpoints/{checkpoint}/scans", new { scans });
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>Posts the scan page's form as a phone would (antiforgery token and the page's client id unless given) and returns the redirect.</summary>
    public static async Task<string> ScanFormAsync(HttpClient client, long checkpoint, string token, string? clientId = null)
    {
        using var response = await PostScanFormAsync(client, checkpoint, token, clientId);
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        return response.Headers.Location!.PathAndQuery;
    }

    /// <summary>Posts the scan page's form and returns the answer (a refused scan is shown in it, not redirected).</summary>
    public static async Task<HttpResponseMessage> PostScanFormAsync(HttpClient client, long checkpoint, string token, string? clientId = null)
    {
        var page = await client.GetStringAsync($"/checkpoints/{checkpoint}/scan");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Hidden(page, "__RequestVerificationToken"),
            ["_handler"] = "scan",
            ["ScanForm.ClientId"] = clientId ?? Hidden(page, "ScanForm.ClientId"),
            ["ScanForm.Token"] = token,
        });
        return await client.PostAsync($"/checkpoints/{checkpoint}/scan", form);
    }

    public static string Hidden(string html, string name)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, $"<input[^>]*name=\"{System.Text.RegularExpressions.Regex.Escape(name)}\"[^>]*value=\"([^\"]+)\"");
        match.Success.ShouldBeTrue($"hidden field {name}");
        return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static object Scan(string token, DateTimeOffset? at = null, string? clientId = null) =>
        new { clientId = clientId ?? Guid.NewGuid().ToString("N"), token, scannedAt = at };

    private static ServiceProvider IdentityServices(DatabaseSettings settings)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddFangkongData(settings);
        services.AddFangkongIdentity();
        return services.BuildServiceProvider();
    }
}
