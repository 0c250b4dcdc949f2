using System.Net;
using System.Text;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Security;

/// <summary>The cookie-authenticated API: bodyless and multipart posts need the X-CSRF-TOKEN header; with it they go through.</summary>
public sealed class AntiforgeryApiTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ABodylessPost_NeedsTheHeader_AndWithItReachesTheOperation(DatabaseProvider provider)
    {
        await using var host = await SecurityHost.StartAsync(provider);
        var (client, _, token) = await host.SignedInAsync("investigator");

        using (var refused = await client.PostAsync("/api/v1/investigations/open-missing", null))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/investigations/open-missing");
        request.Headers.Add(WebTestHost.AntiforgeryHeader, token);
        using var done = await client.SendAsync(request);
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AMultipartImport_NeedsTheHeader_AndAForgedOneIsRefused(DatabaseProvider provider)
    {
        await using var host = await SecurityHost.StartAsync(provider);
        var (client, _, token) = await host.SignedInAsync("investigator");
        foreach (var (header, expectRefused) in new[] { ((string?)null, true), ("forged", true), (token, false) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/contacts/import") { Content = Csv() };
            if (header is not null)
            {
                request.Headers.Add(WebTestHost.AntiforgeryHeader, header);
            }

            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            (response.StatusCode == HttpStatusCode.BadRequest && body.Contains("X-CSRF-TOKEN", StringComparison.Ordinal)).ShouldBe(expectRefused, $"{header}: {(int)response.StatusCode} {body}");
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ATokenFromTheAntiforgeryEndpoint_Works(DatabaseProvider provider)
    {
        await using var host = await SecurityHost.StartAsync(provider);
        var (client, _, _) = await host.SignedInAsync("investigator");
        var answer = await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.JsonElement>(client, "/api/v1/session/antiforgery");
        answer.GetProperty("headerName").GetString().ShouldBe(WebTestHost.AntiforgeryHeader);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/investigations/open-missing");
        request.Headers.Add(WebTestHost.AntiforgeryHeader, answer.GetProperty("token").GetString());
        (await client.SendAsync(request)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnAnonymousApiPost_IsNotAskedForAToken_ButRefusedAs401(DatabaseProvider provider)
    {
        await using var host = await SecurityHost.StartAsync(provider);
        using var client = host.Client();
        using var response = await client.PostAsync("/api/v1/investigations/open-missing", null);
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static MultipartFormDataContent Csv()
    {
        var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("contact_no,name\n")), "file", "contacts.csv");
        return content;
    }
}
