using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Cases;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Web.Forms;

/// <summary>
/// A refusal reads in the reader's language alone: a zh-CN page shows it without the English, an en page
/// without the Chinese, and so do a forged form's refusal and the API's 413 for a body over the limit
/// (answered before routing).
/// </summary>
public sealed class OneLanguageRefusalTests
{
    private const string Cjk = @".*\p{IsCJKUnifiedIdeographs}.*";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AFieldRefusal_IsChineseOnlyOnAChinesePage_AndEnglishOnlyOnAnEnglishOne(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await PositiveHandoffTests.PositivePoolRetestedAsync(host.Database);
        long id;
        await using (var db = host.Database.NewContext())
        {
            id = await db.PositivePersons.Select(p => p.Id).SingleAsync();
        }

        using var chinese = await host.ClientAsync("investigator", culture: "zh-CN");
        using var english = await host.ClientAsync("investigator", culture: "en");
        var zh = await FieldMessageAsync(chinese, id);
        var en = await FieldMessageAsync(english, id);

        zh.ShouldBe("类型「probable」应为 confirmed（确诊）或 asymptomatic（无症状）");
        en.ShouldBe("'probable' is not confirmed or asymptomatic.");
        en.ShouldNotMatch(Cjk);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AForgedForm_IsRefusedInTheReadersLanguage(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var chinese = await host.ClientAsync("county", culture: "zh-CN");
        using var english = await host.ClientAsync("county", culture: "en");

        var zh = await ForgedFormAsync(chinese);
        var en = await ForgedFormAsync(english);

        zh.ShouldContain("表单已过期或来源无效");
        zh.ShouldNotContain("The form has expired");
        en.ShouldContain("The form has expired");
        en.ShouldNotContain("表单已过期");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ABodyOverTheLimit_IsRefusedInTheRequestsLanguage_ThoughAnsweredBeforeRouting(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");

        var zh = await TooLargeAsync(county, "zh-CN");
        var en = await TooLargeAsync(county, "en");

        zh.ShouldStartWith("请求体超过");
        zh.ShouldNotContain("bytes");
        en.ShouldStartWith("the request body exceeds the limit of");
        en.ShouldNotMatch(Cjk);
    }

    private static async Task<string> FieldMessageAsync(HttpClient client, long id)
    {
        using var response = await FormPost.SendAsync(client, "/cases/positives", $"report-{id}",
            ("Report.PositiveId", $"{id}"), ("Report.Type", "probable"), ("Report.Severity", ""), ("Report.CaseNo", ""));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        return FormPost.MessageNextTo(await response.Content.ReadAsStringAsync(), "Report.Type").ShouldNotBeNull();
    }

    private static async Task<string> ForgedFormAsync(HttpClient client)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "new-round", ["Round.Name"] = "全员", ["Round.Region"] = WebTestData.County, ["__RequestVerificationToken"] = "CfDJ8-forged",
        });
        using var response = await client.PostAsync("/testing", form);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<string> TooLargeAsync(HttpClient client, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/testing/points")
        {
            Content = JsonContent.Create(new { regionCode = new string('9', 20 << 20), name = "点", kind = "fixed" }),
        };
        request.Headers.TryAddWithoutValidation("Accept-Language", language);
        using var response = await client.SendAsync(request);
        response.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        return problem.GetProperty("detail").GetString()!;
    }
}
