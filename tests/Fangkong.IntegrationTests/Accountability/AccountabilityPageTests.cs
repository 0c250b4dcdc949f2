using System.Net;
using System.Text.RegularExpressions;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Accountability;

/// <summary>The pages: a case entered and decided through the forms, a notice previewed and made, in Chinese; refusals for other roles.</summary>
public sealed partial class AccountabilityPageTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Forms_CreateDecideAndCompose_ShowTheNoticeWithDownloads(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var client = await host.ClientAsync("jijian");
        var form = await client.GetStringAsync("/accountability/new");
        form.ShouldContain("新建问责案件");
        form.ShouldContain("党内严重警告");
        var token = Token(form);

        using var created = await client.PostAsync(new Uri("/accountability/new", UriKind.Relative), new FormUrlEncodedContent(
        [
            new("__RequestVerificationToken", token), new("_handler", "case"), new("region", WebTestData.County), new("title", "在疫情防控工作中履职不力，导致辖区养老院发生聚集性疫情问题"),
            new("facts", "船营区4家养老院未严格执行封闭管理规定"), new("consequence", "造成不良影响"), new("incidentDate", "2022-03-04"), new("findingIds", ""),
            new("o0.name", "王兆珩"), new("o0.unit", "船营区民政局"), new("o0.post", "局长"), new("o0.region", ""), new("o0.responsibility", "Leadership"),
            new("o0.note", ""), new("o0.measures", "Dismissal"), new("o0.measures", "PartySeriousWarning"),
            new("o1.name", ""), new("o1.unit", ""), new("o1.post", ""), new("o1.region", ""), new("o1.responsibility", "Direct"), new("o1.note", ""),
        ]));
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var location = created.Headers.Location!.PathAndQuery;
        location.ShouldStartWith("/accountability/");
        var detail = await client.GetStringAsync(location);
        detail.ShouldContain("王兆珩");
        detail.ShouldContain("党内严重警告、免职");
        detail.ShouldContain("草稿");
        var id = location.Split('/', '?')[2];

        using var decided = await client.PostAsync(new Uri($"/accountability/{id}", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Token(detail)), new("_handler", "decide"), new("Decide.DecidingBody", "吉林市纪委监委"), new("Decide.DecidedOn", "2022-04-09")]));
        decided.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetStringAsync(decided.Headers.Location!.ToString())).ShouldContain("已作出决定");

        var preview = await client.GetStringAsync($"/notices/new?issuingBody=%E5%90%89%E6%9E%97%E5%B8%82%E7%BA%AA%E5%A7%94%E7%9B%91%E5%A7%94&issuedOn=2022-04-09&case={id}&order-{id}=1");
        preview.ShouldContain("通报预览");
        preview.ShouldContain("船营区民政局局长王兆珩");
        preview.ShouldContain("受到党内严重警告处分和免职处理");

        using var made = await client.PostAsync(new Uri($"/notices/new?issuingBody=x&case={id}", UriKind.Relative), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Token(preview)), new("_handler", "publish"), new("issuingBody", "吉林市纪委监委"), new("issuedOn", "2022-04-09"), new("case", id), new($"order-{id}", "1")]));
        made.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var notice = await client.GetStringAsync(made.Headers.Location!.ToString());
        notice.ShouldContain("吉林市纪委监委");
        notice.ShouldContain("2022年4月9日");
        notice.ShouldContain("notice.pdf");
        (await client.GetStringAsync("/accountability")).ShouldContain("追责问责案件");
        (await client.GetStringAsync("/notices")).ShouldContain("1名党员干部");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Pages_OtherRoles_AreRefused(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        foreach (var path in new[] { "/accountability", "/accountability/new", "/notices" })
        {
            using var response = await county.GetAsync(new Uri(path, UriKind.Relative));
            response.Headers.Location!.AbsolutePath.ShouldBe("/forbidden", path);
        }

        using var city = await host.ClientAsync("city");
        (await city.GetStringAsync("/accountability")).ShouldNotContain("新建问责案件");
        using (var response = await city.GetAsync(new Uri("/notices/new", UriKind.Relative)))
        {
            response.Headers.Location!.AbsolutePath.ShouldBe("/forbidden");
        }
    }

    private static string Token(string html) => TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("no antiforgery token");

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
