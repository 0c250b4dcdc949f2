using System.Net;
using System.Text;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Fangkong.IntegrationTests.Security;

/// <summary>
/// Every endpoint of the app with an unsafe method, pages' form posts and the API alike, refuses a
/// request that a session cookie authenticates but that carries no antiforgery token (here with a
/// foreign Origin, as a cross-site page would send it). The list is read from the app's routing
/// data, so an endpoint added tomorrow is in it: if it can be reached without a token, CI fails.
/// </summary>
public sealed class AntiforgeryEveryEndpointTests
{
    [Fact]
    public async Task EveryUnsafeEndpoint_RefusesACookieRequestWithoutToken()
    {
        await using var host = await SecurityHost.StartAsync(DatabaseProvider.Sqlite);
        var (client, _, _) = await host.SignedInAsync("county");
        var endpoints = UnsafeEndpoints(host).ToList();
        endpoints.Count.ShouldBeGreaterThan(100, "the app's unsafe endpoints (form posts, API operations, page posts)");

        var failures = new List<string>();
        var reached = new HashSet<string>();
        foreach (var (endpoint, method, url) in endpoints)
        {
            foreach (var body in Bodies())
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), url) { Content = body };
                request.Headers.Add("Origin", "https://evil.example");
                using var response = await client.SendAsync(request);
                var text = await response.Content.ReadAsStringAsync();
                if (host.Matched.For(method, url) is not RouteEndpoint routed || routed.DisplayName?.StartsWith("415", StringComparison.Ordinal) == true)
                {
                    continue; // 415 for a content type the endpoint does not take: it never runs
                }

                reached.Add(Name(routed));
                if (response.StatusCode != HttpStatusCode.BadRequest || !text.Contains("antiforgery", StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{method} {url} ({body?.Headers.ContentType?.MediaType ?? "no body"}) → {routed.DisplayName}: {(int)response.StatusCode}, not refused for its missing token");
                }
            }
        }

        // An endpoint no request reached must be shadowed by another at the same address (a page's POST
        // behind the form endpoint of the same path), which was reached and refused instead.
        foreach (var (endpoint, method, url) in endpoints.Where(e => !reached.Contains(Name(e.Endpoint))))
        {
            if (!endpoints.Any(other => other.Url == url && other.Method == method && reached.Contains(Name(other.Endpoint))))
            {
                failures.Add($"{method} {url}: no request reached {endpoint.DisplayName}");
            }
        }

        failures.ShouldBeEmpty();
    }

    [Fact]
    public async Task TheRefusal_IsProblemDetailsNamingTheHeader_OnTheApi_AndAPage_ForForms()
    {
        await using var host = await SecurityHost.StartAsync(DatabaseProvider.Sqlite);
        var (client, _, _) = await host.SignedInAsync("county");

        using var api = await client.PostAsync("/api/v1/passes/1/approve", null);
        api.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        api.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        using var problem = System.Text.Json.JsonDocument.Parse(await api.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("field").GetString().ShouldBe("X-CSRF-TOKEN");
        problem.RootElement.GetProperty("detail").GetString()!.ShouldContain("防伪令牌缺失或无效");

        using var form = await client.PostAsync("/passes/1", new FormUrlEncodedContent([new("__RequestVerificationToken", "forged"), new("_handler", "revoke")]));
        form.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        form.Content.Headers.ContentType!.MediaType.ShouldBe("text/html");
        var page = await form.Content.ReadAsStringAsync();
        page.ShouldContain("data-testid=\"antiforgery-refused\"");
        page.ShouldContain("表单已过期或来源无效");
    }

    private static string Name(RouteEndpoint endpoint) => endpoint.DisplayName + " " + endpoint.RoutePattern.RawText;

    /// <summary>Each unsafe endpoint with a URL that routing sends to it (route values that meet its constraints).</summary>
    private static IEnumerable<(RouteEndpoint Endpoint, string Method, string Url)> UnsafeEndpoints(SecurityHost host) =>
        ((IEndpointRouteBuilder)host.App).DataSources
            .SelectMany(d => d.Endpoints)
            .OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(UnsafeRequestGuard.IsUnsafe)
                .Select(m => (e, m, UrlFor(e.RoutePattern))));

    private static string UrlFor(RoutePattern pattern)
    {
        var url = new StringBuilder();
        foreach (var segment in pattern.PathSegments)
        {
            url.Append('/');
            foreach (var part in segment.Parts)
            {
                url.Append(part switch
                {
                    RoutePatternLiteralPart literal => literal.Content,
                    RoutePatternSeparatorPart separator => separator.Content,
                    RoutePatternParameterPart parameter => ValueFor(parameter, pattern),
                    _ => "x",
                });
            }
        }

        return url.Length == 0 ? "/" : url.ToString();
    }

    private static string ValueFor(RoutePatternParameterPart parameter, RoutePattern pattern)
    {
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? string.Empty)
            .Concat(pattern.ParameterPolicies.TryGetValue(parameter.Name, out var more) ? more.Select(p => p.Content ?? string.Empty) : [])
            .ToList();
        return constraints switch
        {
            _ when constraints.Any(c => c.StartsWith("guid", StringComparison.Ordinal)) => Guid.NewGuid().ToString(),
            _ when constraints.Any(c => c.StartsWith("datetime", StringComparison.Ordinal)) => "2022-04-01",
            _ when constraints.Any(c => c.StartsWith("bool", StringComparison.Ordinal)) => "true",
            _ => "1",
        };
    }

    /// <summary>No body, a form without its token field, a multipart upload and JSON: none may slip through.</summary>
    private static IEnumerable<HttpContent?> Bodies()
    {
        yield return null;
        yield return new FormUrlEncodedContent([new("go", "1")]);
        var multipart = new MultipartFormDataContent();
        multipart.Add(new ByteArrayContent(Encoding.UTF8.GetBytes("a,b\n1,2\n")), "file", "x.csv");
        yield return multipart;
        yield return new StringContent("{}", Encoding.UTF8, "application/json");
    }
}
