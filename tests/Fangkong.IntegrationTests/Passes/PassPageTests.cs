using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using static Fangkong.IntegrationTests.Passes.PassesWorld;

namespace Fangkong.IntegrationTests.Passes;

/// <summary>The pass and checkpoint pages, server-rendered in Chinese, and who may open them.</summary>
public sealed class PassPageTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PassPages_ShowTheQueueTheQrCodeAndTheLog_InChinese_AndMaskTheIdentityForCountyWorkers(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        using var city = await host.ClientAsync("city");
        await SetQuotaAsync(county, unit, "SupplyTransport", 5);
        var applied = await ApplyAsync(county, Application(unit, [WebTestData.County]));
        var approved = await ApplyAsync(county, Application(unit, [WebTestData.County]));
        await ApproveAsync(county, approved);
        var id = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);

        var queue = await county.GetStringAsync("/passes?status=applied");
        queue.ShouldContain("<html lang=\"zh-CN\"");
        queue.ShouldContain("待审批");
        queue.ShouldContain($"value=\"approve-{applied}\"");
        queue.ShouldNotContain($"value=\"approve-{approved}\"");
        queue.ShouldNotContain(id);
        queue.ShouldContain("核定配额");

        var detail = await county.GetStringAsync($"/passes/{approved}");
        detail.ShouldContain("已批准");
        detail.ShouldContain("data:image/png;base64,");
        detail.ShouldContain("FKP1.");
        detail.ShouldContain("区县级");
        // The command centre sees full identity numbers (and the read is audited); county workers do not.
        (await city.GetStringAsync($"/passes/{approved}")).ShouldContain(id);

        var log = await county.GetStringAsync("/checkpoints/log");
        log.ShouldContain("异常提示");
        log.ShouldContain("共 0 条扫码记录");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PassPages_RolesWithoutThePermission_AreSentToForbidden(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await SeedAsync(host.Database);
        using var sampler = await host.ClientAsync("sampler");
        using var community = await host.ClientAsync("community");

        foreach (var (client, path) in new[] { (sampler, "/passes"), (sampler, "/checkpoints/log"), (community, "/checkpoints/1/scan") })
        {
            using var response = await client.GetAsync(path);
            response.Headers.Location!.AbsolutePath.ShouldBe("/forbidden", path);
        }
    }
}
