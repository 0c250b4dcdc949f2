using System.Net;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Web;

/// <summary>Server-rendered pages: Chinese by default, English on request, the same jurisdiction rules as the API.</summary>
public sealed class WebPageTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PersonSearchPage_IsChineseByDefault_AndEnglishWhenChosen(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var chinese = await host.ClientAsync("county");
        var zh = await chinese.GetStringAsync("/persons?q=张伟");
        zh.ShouldContain("<html lang=\"zh-CN\"");
        zh.ShouldContain("人员查询");
        zh.ShouldContain("张伟");
        zh.ShouldContain("按您的角色，证件号码和手机号已部分隐藏");
        zh.ShouldNotContain("李娜");

        using var english = await host.ClientAsync("county", culture: "en");
        var en = await english.GetStringAsync("/persons?q=张伟");
        en.ShouldContain("<html lang=\"en\"");
        en.ShouldContain("Document numbers and phones are partly hidden for your role.");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RegionPage_AboveTheJurisdiction_Is403_AndUnknownPage_Is404(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var client = await host.ClientAsync("county");

        var own = await client.GetStringAsync("/regions/220204003");
        own.ShouldContain("吉源社区");
        own.ShouldContain("松北一区社区");

        using var above = await client.GetAsync("/regions/2202");
        above.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await above.Content.ReadAsStringAsync()).ShouldContain("无权访问");

        using var missing = await client.GetAsync("/no-such-page");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("页面不存在");
    }
}
