using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Auditing;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Passes;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Passes.PassesWorld;

namespace Fangkong.IntegrationTests.Passes;

/// <summary>Pass reads and the checkpoint scan log are audited as reads of personal data, masked or not.</summary>
public sealed class PassReadAuditTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PassRead_PassList_AndScanLog_AreAudited_ForAMaskedReaderToo(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var (unit, _) = await SeedAsync(host.Database);
        using var county = await host.ClientAsync("county");
        using var officer = await host.ClientAsync("officer");
        await SetQuotaAsync(county, unit, "SupplyTransport", 5);
        var id = await ApplyAsync(county, Application(unit, [WebTestData.County]));
        var token = await ApproveAsync(county, id);
        var checkpoint = await CheckpointAsync(county, "北口卡点", WebTestData.Street);
        await ScanAsync(officer, checkpoint, Scan(token));

        await county.GetFromJsonAsync<JsonElement>($"/api/v1/passes/{id}");
        await county.GetFromJsonAsync<JsonElement>("/api/v1/passes?status=approved");
        var log = await county.GetFromJsonAsync<JsonElement>("/api/v1/checkpoints/scans");
        await county.GetStringAsync("/checkpoints/log");

        await using var db = host.Database.NewContext();
        var audit = await db.AuditLog.Where(a => a.UserName == "county" && (a.Action == AuditActions.Read || a.Action == AuditActions.Search)).ToListAsync();
        audit.ShouldContain(a => a.Action == AuditActions.Read && a.Entity == nameof(Pass) && a.EntityKey == id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        audit.ShouldContain(a => a.Action == AuditActions.Search && a.Entity == nameof(Pass) && a.After!.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        var scanId = log.GetProperty("items")[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        audit.Count(a => a.Action == AuditActions.Search && a.Entity == nameof(PassScan) && a.After!.Contains(scanId)).ShouldBe(2);
    }
}
