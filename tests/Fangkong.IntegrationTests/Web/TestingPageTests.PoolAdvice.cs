using Fangkong.Areas;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Web;

/// <summary>Rule 7 of issue 15 on the console: the advised pool size for the point's area, and a warning (not a refusal, ADR 0039) for a larger tube.</summary>
public sealed partial class TestingPageTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Console_ShowsSingleTubesForAHighRiskCommunity_AndWarnsOfATenTube_ButNotOfASingleOne(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await using (var db = host.Database.NewContext())
        {
            var today = ChinaTime.Today(TimeProvider.System);
            (await DesignateArea.HandleAsync(db, new DesignateArea.Command(AreaUnitKind.Region, WebTestData.Community, null, AreaLevel.HighRisk, today, "出现阳性", "船营区疫情防控指挥部"))).IsSuccess.ShouldBeTrue();
        }

        using var county = await host.ClientAsync("county");
        var id = await CreateRoundAsync(county, "吉源社区一轮", WebTestData.Community);
        var other = await CreateRoundAsync(county, "松北社区一轮", WebTestData.OtherCommunity);

        var console = await county.GetStringAsync($"/testing/{id}/console");
        console.ShouldContain("该区域建议混管规格: <strong>1 混 1</strong>");
        console.ShouldContain("高风险区：吉源社区");
        (await county.GetStringAsync($"/testing/{other}/console")).ShouldContain("该区域建议混管规格: <strong>20 混 1</strong>");
        (await county.GetStringAsync($"/testing/{id}")).ShouldContain("混管不超过 1 混 1");

        var token = Hidden(console, "__RequestVerificationToken");
        using var ten = await county.PostAsync($"/testing/{id}/console", Scan(token, Hidden(console, "Scan.ClientId"), "JL-0010", Zhang, "吉源社区广场", "10"));
        var warned = await ten.Content.ReadAsStringAsync();
        warned.ShouldContain("已录入");
        warned.ShouldContain("data-testid=\"pool-advice-warning\"");
        warned.ShouldContain("本管为 10 混 1，大于该区域建议的 1 混 1");

        using var one = await county.PostAsync($"/testing/{id}/console", Scan(token, Guid.NewGuid().ToString("N"), "JL-0001", Li, "吉源社区广场", "1"));
        var single = await one.Content.ReadAsStringAsync();
        single.ShouldContain("已录入");
        single.ShouldNotContain("data-testid=\"pool-advice-warning\"");
    }
}
