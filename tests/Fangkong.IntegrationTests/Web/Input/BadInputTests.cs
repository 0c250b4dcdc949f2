using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Web.Input;

/// <summary>
/// Malformed and out-of-range input across the API: each is a 400 (or 413) problem naming the
/// field, never a 500, and nothing is stored. One host per provider runs the whole table.
/// </summary>
public sealed class BadInputTests
{
    private const string Rounds = "/api/v1/testing/rounds";
    private const string Points = "/api/v1/testing/points";

    /// <summary>(user, method, url, JSON body as sent, expected status, the field the problem must name).</summary>
    public static IEnumerable<(string User, string Method, string Url, string Body, HttpStatusCode Status, string Field)> Table(long roundId)
    {
        var county = "county";
        yield return (county, "POST", Rounds, """{"name":"r","regionCode":"220204","hours":1e308}""", HttpStatusCode.BadRequest, "hours");
        yield return (county, "POST", Rounds, """{"name":"r","regionCode":"220204","hours":"NaN"}""", HttpStatusCode.BadRequest, "hours");
        yield return (county, "POST", Rounds, """{"name":"r","regionCode":"220204","hours":-5}""", HttpStatusCode.BadRequest, "hours");
        yield return (county, "POST", Rounds, """{"name":"r","regionCode":"220204","startsAt":"9999-12-31T00:00:00Z"}""", HttpStatusCode.BadRequest, "startsAt");
        yield return (county, "POST", Rounds, """{"name":"r","regionCode":"220204","startsAt":"0001-01-01T00:00:00Z"}""", HttpStatusCode.BadRequest, "startsAt");
        yield return (county, "POST", Rounds, """{"name":"a\u0000b","regionCode":"220204"}""", HttpStatusCode.BadRequest, "name");
        yield return (county, "POST", Rounds, """{"name":"a\tb","regionCode":"220204"}""", HttpStatusCode.BadRequest, "name");
        yield return (county, "POST", Rounds, """{"name":"r","regionCode": }""", HttpStatusCode.BadRequest, "regionCode");
        yield return (county, "POST", Rounds, """{"name":"r","poolSize":"ten"}""", HttpStatusCode.BadRequest, "poolSize");
        yield return (county, "POST", Rounds, """{"name":"r",""", HttpStatusCode.BadRequest, "");
        yield return (county, "POST", Rounds, """[1,2,3]""", HttpStatusCode.BadRequest, "");
        yield return (county, "POST", Points, $$"""{"regionCode":"220204003001","name":"{{new string('点', 100_000)}}","kind":"fixed"}""", HttpStatusCode.BadRequest, "name");
        yield return (county, "POST", Points, $$"""{"regionCode":"220204003001","name":"{{new string('点', 101)}}","kind":"fixed"}""", HttpStatusCode.BadRequest, "name");
        yield return (county, "POST", "/api/v1/areas/evaluate", """{"day":"0001-01-01"}""", HttpStatusCode.BadRequest, "day");
        yield return (county, "POST", $"{Rounds}/{roundId}/scans", Scan("9999-06-01T08:00:00Z"), HttpStatusCode.BadRequest, "scans[0].sampledAt");
        yield return (county, "POST", $"{Rounds}/{roundId}/scans", Scan("1900-06-01T08:00:00Z"), HttpStatusCode.BadRequest, "scans[0].sampledAt");
        yield return ("investigator", "POST", "/api/v1/cases/release", """{"caseNo":"JL-1","on":"2022-04-20","tests":[{"takenAt":"2022-04-19T08:00:00Z","ctN":1e300,"ctOrf":40}]}""", HttpStatusCode.BadRequest, "tests[0].ctN");
        yield return ("investigator", "POST", "/api/v1/cases/release", """{"caseNo":"JL-1","on":"2099-04-20","tests":[]}""", HttpStatusCode.BadRequest, "on");
        yield return ("city", "PUT", "/api/v1/checklists/quarantine-hotel", """{"title":"x"}""", HttpStatusCode.BadRequest, "items");
        yield return ("city", "PUT", "/api/v1/checklists/quarantine-hotel", """{"title":"x","items":null}""", HttpStatusCode.BadRequest, "items");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task MalformedAndOutOfRangeInput_Is400NamingTheField_AndNothingIsStored(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await InputWorld.AddCommandCentreAsync(host.Database);
        using var county = await host.ClientAsync("county");
        var round = await county.PostAsJsonAsync(Rounds, new { name = "全员 1", regionCode = WebTestData.County });
        round.StatusCode.ShouldBe(HttpStatusCode.OK, await round.Content.ReadAsStringAsync());
        var roundId = (await round.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var before = await InputWorld.CountStoredAsync(host.Database);

        var clients = new Dictionary<string, HttpClient>();
        var failures = new List<string>();
        try
        {
            foreach (var (user, method, url, body, status, field) in Table(roundId))
            {
                if (!clients.TryGetValue(user, out var client))
                {
                    clients[user] = client = await host.ClientAsync(user);
                }

                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                using var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                var shown = $"{method} {url} {body[..Math.Min(body.Length, 80)]}";
                if (response.StatusCode != status)
                {
                    failures.Add($"{shown}: {(int)response.StatusCode} {text[..Math.Min(text.Length, 300)]}");
                    continue;
                }

                if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                {
                    failures.Add($"{shown}: not a problem ({response.Content.Headers.ContentType})");
                    continue;
                }

                if (text.Length > 4000)
                {
                    failures.Add($"{shown}: an error of {text.Length} characters");
                }

                var errors = JsonDocument.Parse(text).RootElement.TryGetProperty("errors", out var e) ? e : default;
                if (field.Length > 0 && (errors.ValueKind != JsonValueKind.Object || !errors.TryGetProperty(field, out _)))
                {
                    failures.Add($"{shown}: the problem does not name {field}: {text[..Math.Min(text.Length, 300)]}");
                }
            }
        }
        finally
        {
            foreach (var client in clients.Values)
            {
                client.Dispose();
            }
        }

        failures.ShouldBeEmpty();
        (await InputWorld.CountStoredAsync(host.Database)).ShouldBe(before);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AValueOfMegabytes_IsAnsweredWithAShortError(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");

        // Under the JSON limit: refused by length, quoted as a short excerpt only.
        var oneMegabyte = new string('9', 1 << 20);
        using var invalid = await county.PostAsJsonAsync(Points, new { regionCode = oneMegabyte, name = "点", kind = "fixed" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await invalid.Content.ReadAsStringAsync();
        text.Length.ShouldBeLessThan(2000);
        JsonDocument.Parse(text).RootElement.GetProperty("errors").TryGetProperty("regionCode", out _).ShouldBeTrue();

        // 20 MB: over the JSON limit, refused as too large before it is read.
        using var huge = await county.PostAsJsonAsync(Points, new { regionCode = new string('9', 20 << 20), name = "点", kind = "fixed" });
        huge.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        huge.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await huge.Content.ReadAsStringAsync()).Length.ShouldBeLessThan(2000);

        // Without a declared length (chunked), the body is cut off as it is read.
        using var chunked = new HttpRequestMessage(HttpMethod.Post, Points)
        {
            Content = new StreamContent(new MemoryStream(Encoding.UTF8.GetBytes($$"""{"regionCode":"{{new string('9', 5 << 20)}}"}"""))),
        };
        chunked.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        chunked.Headers.TransferEncodingChunked = true;
        using var cut = await county.SendAsync(chunked);
        cut.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);

        await using var db = host.Database.NewContext();
        (await db.SamplingPoints.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ATabInTheCultureReturnUrl_RedirectsHome_AndOtherSitesAreNeverTheTarget(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var client = await host.ClientAsync();
        foreach (var returnUrl in new[] { "/%09/evil.example", "/%0d%0a/evil.example", "//evil.example", "/\\evil.example", "https://evil.example", "/%5C/evil.example" })
        {
            using var response = await client.GetAsync($"/culture?name=en&returnUrl={returnUrl}");
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, returnUrl);
            response.Headers.Location!.ToString().ShouldBe("/", returnUrl);
        }

        using var local = await client.GetAsync("/culture?name=en&returnUrl=%2Fcases%3Fq%3D1");
        local.Headers.Location!.ToString().ShouldBe("/cases?q=1");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AFormPostedWithABadAntiforgeryToken_Is400_NotA500(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "new-round", ["Round.Name"] = "全员", ["Round.Region"] = WebTestData.County, ["__RequestVerificationToken"] = "CfDJ8-forged",
        });
        using var response = await county.PostAsync("/testing", form);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).ShouldContain("表单已过期或来源无效");

        await using var db = host.Database.NewContext();
        (await db.TestingRounds.CountAsync()).ShouldBe(0);
    }

    private static string Scan(string sampledAt) =>
        $$"""{"scans":[{"clientId":"c-1","tubeBarcode":"T0001","idNumber":"{{WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1)}}","sampledAt":"{{sampledAt}}","samplingPoint":"吉源社区"}]}""";
}
