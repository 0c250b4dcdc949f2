using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Common.Input;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Web;

/// <summary>
/// An API error in the request's language: English with Accept-Language en or the culture cookie,
/// Chinese alone otherwise (never both), the same <c>code</c> extension in every language, and the input quoted
/// only as a short excerpt.
/// </summary>
public sealed class LocalisedProblemTests
{
    private const string NotRegionCode = "error.testing.not-region-code";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ValidationProblem_IsEnglishWithAcceptLanguageEn_AndChineseByDefault(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var client = await host.ClientAsync("county");

        var english = await ProblemAsync(client, "/api/v1/persons?region=22x", "en-GB,en;q=0.9", HttpStatusCode.BadRequest);
        english.GetProperty("code").GetString().ShouldBe(NotRegionCode);
        english.GetProperty("detail").GetString().ShouldBe("'22x' is not a region code.");
        english.GetProperty("errors").GetProperty("region")[0].GetString().ShouldBe("'22x' is not a region code.");

        var chinese = await ProblemAsync(client, "/api/v1/persons?region=22x", null, HttpStatusCode.BadRequest);
        chinese.GetProperty("code").GetString().ShouldBe(NotRegionCode);
        chinese.GetProperty("detail").GetString().ShouldBe("「22x」不是区划代码");
        chinese.GetProperty("errors").GetProperty("region")[0].GetString().ShouldBe("「22x」不是区划代码");

        var zhHeader = await ProblemAsync(client, "/api/v1/persons?region=22x", "zh-CN", HttpStatusCode.BadRequest);
        zhHeader.GetProperty("detail").GetString().ShouldBe("「22x」不是区划代码");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NotFound_FollowsTheCultureCookie_AndCarriesTheCode(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var english = await host.ClientAsync("county", culture: "en");
        using var chinese = await host.ClientAsync("county", culture: "zh-CN");

        var en = await ProblemAsync(english, "/api/v1/persons/987654321", null, HttpStatusCode.NotFound);
        var zh = await ProblemAsync(chinese, "/api/v1/persons/987654321", null, HttpStatusCode.NotFound);

        en.GetProperty("code").GetString().ShouldBe("error.persons.person-does-not-exist-outside");
        zh.GetProperty("code").GetString().ShouldBe("error.persons.person-does-not-exist-outside");
        var enDetail = en.GetProperty("detail").GetString()!;
        enDetail.ShouldContain("987654321");
        enDetail.ShouldNotMatch(@".*\p{IsCJKUnifiedIdeographs}.*");
        var zhDetail = zh.GetProperty("detail").GetString()!;
        zhDetail.ShouldStartWith("人员");
        zhDetail.ShouldNotMatch(".*[A-Za-z]{3,}.*");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task LongInput_IsQuotedOnlyAsAnExcerpt(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var client = await host.ClientAsync("county");
        var input = "22" + new string('7', 400);

        var problem = await ProblemAsync(client, $"/api/v1/persons?region={input}", "en", HttpStatusCode.BadRequest);

        problem.GetProperty("detail").GetString().ShouldBe($"'{input[..InputExcerpt.MaxLength]}…' is not a region code.");
    }

    private static async Task<JsonElement> ProblemAsync(HttpClient client, string path, string? acceptLanguage, HttpStatusCode status)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
        }

        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
