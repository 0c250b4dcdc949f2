using System.Net;
using System.Text.RegularExpressions;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Web.Infrastructure.Security;

namespace Fangkong.IntegrationTests.Security;

/// <summary>Security headers on every kind of response; HSTS and Secure cookies only over TLS; pages that satisfy the policy.</summary>
public sealed partial class SecurityHeadersTests
{
    [Fact]
    public async Task EveryKindOfResponse_CarriesTheHeaders()
    {
        await using var host = await SecurityHost.StartAsync(DatabaseProvider.Sqlite);
        var (client, _, _) = await host.SignedInAsync("county");
        using var anonymous = host.Client();
        foreach (var (who, path) in new[]
        {
            (client, "/"), (client, "/persons"), (client, "/api/v1/me"), (client, "/css/site.css"), (client, "/health"),
            (client, "/no-such-page"), (client, "/api/v1/no-such-thing"), (anonymous, "/login"), (anonymous, "/api/v1/me"), (anonymous, "/openapi/v1.json"),
        })
        {
            using var response = await who.GetAsync(path);
            var headers = response.Headers;
            headers.GetValues("Content-Security-Policy").Single().ShouldBe(SecurityHeaders.ContentSecurityPolicy, path);
            headers.GetValues("X-Content-Type-Options").Single().ShouldBe("nosniff", path);
            headers.GetValues("X-Frame-Options").Single().ShouldBe("DENY", path);
            headers.GetValues("Referrer-Policy").Single().ShouldBe("same-origin", path);
            headers.Contains("Strict-Transport-Security").ShouldBeFalse($"{path}: no HSTS over plain HTTP");
        }

        SecurityHeaders.ContentSecurityPolicy.ShouldContain("frame-ancestors 'none'");
        SecurityHeaders.ContentSecurityPolicy.ShouldContain("script-src 'self';");
    }

    [Fact]
    public async Task BehindATrustedProxy_TlsGivesHstsAndSecureCookies()
    {
        await using var host = await SecurityHost.StartAsync(DatabaseProvider.Sqlite, ["--Security:TrustForwardedHeaders=true"]);
        using var client = host.Client("127.0.0.1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/session")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { userName = "county", password = WebTestData.Password }),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.GetValues("Strict-Transport-Security").Single().ShouldStartWith("max-age=31536000");
        var cookies = response.Headers.GetValues("Set-Cookie").ToList();
        cookies.ShouldContain(c => c.StartsWith("fangkong.auth=", StringComparison.Ordinal));
        cookies.ShouldAllBe(c => c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task WithoutTheOperatorsSay_AForwardedProtoIsIgnored()
    {
        await using var host = await SecurityHost.StartAsync(DatabaseProvider.Sqlite);
        using var client = host.Client("127.0.0.1");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/session")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { userName = "county", password = WebTestData.Password }),
        };
        request.Headers.Add("X-Forwarded-Proto", "https");
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        response.Headers.Contains("Strict-Transport-Security").ShouldBeFalse();
        response.Headers.GetValues("Set-Cookie").ShouldAllBe(c => !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task ThePages_HaveNoInlineScript_SoThePolicyBreaksNothing()
    {
        await using var host = await SecurityHost.StartAsync(DatabaseProvider.Sqlite);
        var (client, _, _) = await host.SignedInAsync("county");
        using var anonymous = host.Client();
        var pages = new List<(string Path, string Html)> { ("/login", await anonymous.GetStringAsync("/login")) };
        foreach (var path in new[] { "/", "/persons", "/places", "/testing", "/cases", "/reports/daily", "/passes", "/areas", "/areas/map", "/dispatch", "/supervision", "/social-zero" })
        {
            pages.Add((path, await client.GetStringAsync(path)));
        }

        foreach (var (path, html) in pages)
        {
            InlineScript().Matches(html).ShouldBeEmpty($"{path}: a <script> without src");
            EventHandlerAttribute().Matches(html).ShouldBeEmpty($"{path}: an on... attribute");
            html.ShouldNotContain("javascript:", Case.Insensitive, path);
            StyleElement().Matches(html).ShouldBeEmpty($"{path}: a <style> element");
        }
    }

    /// <summary>
    /// Every form that posts renders its antiforgery token, in every component (read from the sources): an
    /// <c>EditForm</c> renders it by construction (ADR 0022), a plain posting form (sign-in, sign-out) must carry it.
    /// </summary>
    [Fact]
    public void EveryPostingFormInTheComponents_RendersTheAntiforgeryToken()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Fangkong.slnx")))
        {
            root = root.Parent;
        }

        var components = Path.Combine(root!.FullName, "src", "Fangkong.Web", "Components");
        var missing = new List<string>();
        var forms = 0;
        foreach (var file in Directory.EnumerateFiles(components, "*.razor", SearchOption.AllDirectories))
        {
            var text = File.ReadAllText(file);
            forms += Regex.Count(text, "<EditForm\\b");
            foreach (Match form in FormElement().Matches(text))
            {
                if (!form.Groups["open"].Value.Contains("method=\"post\"", StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                forms++;
                if (!form.Value.Contains("<AntiforgeryToken />", StringComparison.Ordinal))
                {
                    missing.Add($"{Path.GetFileName(file)}: {form.Groups["open"].Value}");
                }
            }
        }

        forms.ShouldBeGreaterThan(30);
        missing.ShouldBeEmpty();
    }

    [GeneratedRegex("<script(?![^>]*\\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex("<[^>]+\\son[a-z]+\\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex("<style[\\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();

    [GeneratedRegex("(?<open><form\\b[^>]*>).*?</form>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormElement();
}
