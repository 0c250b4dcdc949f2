using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using static Fangkong.IntegrationTests.Passes.PassesWorld;

namespace Fangkong.IntegrationTests.Passes;

/// <summary>Issue 14 item 2: the scan page shows a verdict only from a scan stored for that checkpoint and officer.</summary>
public sealed class ScanResultPageTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CraftedQueryString_ShowsNoVerdict_NorThePlateOrHolderItCarries(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        using var officer = await host.ClientAsync("officer");
        var checkpoint = await CheckpointAsync(county, "北口卡点", WebTestData.Street);

        var crafted = await officer.GetStringAsync(
            $"/checkpoints/{checkpoint}/scan?verdict=Allowed&pass=987654&kind=Emergency&plate=%E5%90%89B99999&holder=%E6%9D%8E*&until=2099-01-01T00:00:00Z&scan=987654&error=%E9%80%9A%E8%A1%8C");

        crafted.ShouldNotContain("data-testid=\"verdict\"");
        crafted.ShouldNotContain("吉B99999");
        crafted.ShouldNotContain("987654 ");
        crafted.ShouldContain("data-testid=\"scan-missing\"");
        // A free-text error from the URL is not shown either: only the fixed texts of known codes.
        crafted.ShouldNotContain("data-testid=\"error\"");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ScanForm_RedirectsToTheStoredScan_WhichOnlyItsOfficerAtItsCheckpointSees(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        using var officer = await host.ClientAsync("officer");
        using var other = await host.ClientAsync("officer2");
        await SetQuotaAsync(county, unit, "SupplyTransport", 5);
        var token = await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County])));
        var checkpoint = await CheckpointAsync(county, "北口卡点", WebTestData.Street);
        var second = await CheckpointAsync(county, "南口卡点", WebTestData.Street);

        var location = await ScanFormAsync(officer, checkpoint, token);

        location.ShouldMatch($"^/checkpoints/{checkpoint}/scan\\?scan=\\d+$");
        var shown = await officer.GetStringAsync(location);
        shown.ShouldContain("data-testid=\"verdict\"");
        shown.ShouldContain("alert-success");
        shown.ShouldContain("吉B12345");
        shown.ShouldContain("张*");
        var scanId = location[(location.IndexOf('=', StringComparison.Ordinal) + 1)..];
        // Another officer, or the same scan id under another checkpoint: nothing.
        (await other.GetStringAsync(location)).ShouldNotContain("data-testid=\"verdict\"");
        (await officer.GetStringAsync($"/checkpoints/{second}/scan?scan={scanId}")).ShouldNotContain("data-testid=\"verdict\"");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ScanForm_ForgedCode_ShowsTheStoredRefusal_WithoutTheForgedPlate(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        using var officer = await host.ClientAsync("officer");
        await SetQuotaAsync(county, unit, "SupplyTransport", 5);
        var token = await ApproveAsync(county, await ApplyAsync(county, Application(unit, [WebTestData.County])));
        var checkpoint = await CheckpointAsync(county, "北口卡点", WebTestData.Street);
        var tampered = token[..^6] + (token[^6] == 'A' ? 'B' : 'A') + token[^5..];

        var shown = await officer.GetStringAsync(await ScanFormAsync(officer, checkpoint, tampered));

        shown.ShouldContain("alert-danger");
        shown.ShouldContain("签名无效");
        shown.ShouldNotContain("吉B12345");
    }
}
