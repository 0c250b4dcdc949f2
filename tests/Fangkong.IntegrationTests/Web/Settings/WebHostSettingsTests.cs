using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Fangkong.IntegrationTests.Web.Settings;

/// <summary>The web host refuses to start on a bad setting, naming it; a good one reaches the use cases.</summary>
public sealed class WebHostSettingsTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ABadEpidemiologicalThreshold_StopsTheStart_NamingTheSettingTheValueAndTheRange(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var refused = await Should.ThrowAsync<OptionsValidationException>(() => StartAsync(database, ("SocialZero:Days", "0")));

        refused.Message.ShouldContain("设置 SocialZero:Days 的值「0」");
        refused.Message.ShouldContain("可选：1 to 30");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AMisspeltSetting_StopsTheStart_InsteadOfBeingIgnored(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var refused = await Should.ThrowAsync<OptionsValidationException>(() => StartAsync(database, ("Areas:Criteria:CleanDay", "7")));

        refused.Message.ShouldContain("Areas:Criteria:CleanDay");
        refused.Message.ShouldContain("CleanDays");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ABadWebSetting_StopsTheStart_NamingIt(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var refused = await Should.ThrowAsync<OptionsValidationException>(() => StartAsync(database, ("Security:KnownProxies:0", "not-an-address")));

        refused.Message.ShouldContain("设置 Security:KnownProxies 的值「not-an-address」");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AConfiguredThreshold_ReachesTheApi(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider, b =>
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Passes:Abuse:LookBackHours"] = "72" }));
        using var county = await host.ClientAsync("county");

        var report = await county.GetFromJsonAsync<JsonElement>("/api/v1/passes/abuse");

        report.GetProperty("settings").GetProperty("lookBackHours").GetInt32().ShouldBe(72);
    }

    private static async Task StartAsync(TestDatabase database, params (string Key, string Value)[] settings)
    {
        await using var app = await FangkongWebApp.CreateAsync(new FangkongWebOptions(database.Settings)
        {
            ConfigureBuilder = b =>
            {
                b.WebHost.UseTestServer();
                b.Configuration.AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value));
            },
        });
        await app.StartAsync();
        await app.StopAsync();
    }
}
