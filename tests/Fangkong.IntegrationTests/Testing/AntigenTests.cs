using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Testing;

/// <summary>Antigen self-tests: a positive opens a nucleic-acid confirmation that a single tube resolves.</summary>
public sealed class AntigenTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PositiveAntigen_OpensAConfirmation_ThatASingleTubeResolves_AndRepeatsAndStrangersAreHandled(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var community = await host.ClientAsync("community");
        var zhang = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);
        var testedAt = DateTimeOffset.UtcNow.AddHours(-1);

        var first = await (await community.PostAsJsonAsync("/api/v1/testing/antigen", new { idNumber = zhang, result = "阳性", testedAt })).Content.ReadFromJsonAsync<JsonElement>();
        first.GetProperty("confirmationTaskId").GetInt64().ShouldBeGreaterThan(0);
        var again = await (await community.PostAsJsonAsync("/api/v1/testing/antigen", new { idNumber = zhang, result = "positive", testedAt })).Content.ReadFromJsonAsync<JsonElement>();
        again.GetProperty("alreadyReported").GetBoolean().ShouldBeTrue();

        var wang = WebTestData.IdNumberFor(WebTestData.OtherCommunity, "19620101", 4);
        (await community.PostAsJsonAsync("/api/v1/testing/antigen", new { idNumber = wang, result = "positive", testedAt })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var bad = await community.PostAsJsonAsync("/api/v1/testing/antigen", new { idNumber = zhang, result = "faint", testedAt });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("result")[0].GetString()!.ShouldContain("faint");

        // The confirmation: a single tube of the person, positive.
        await using (var db = host.Database.NewContext())
        {
            var round = (await CreateRound.HandleAsync(db, TimeProvider.System, new CreateRound.Command("复核", WebTestData.County, 1, null, null))).Value!.Id;
            await RecordScans.HandleAsync(db, round, [new("conf-1", "AG-1", zhang, DateTimeOffset.UtcNow, "社区卫生服务站", 1)]);
            (await RecordResults.HandleAsync(db, TimeProvider.System, [new(1, "AG-1", "positive", 25, 26, null, "疾控")])).Value!.Tracing.Tubes.ShouldBe(1);
        }

        await using var check = host.Database.NewContext();
        (await check.AntigenReports.CountAsync()).ShouldBe(1);
        var task = await check.ConfirmationTasks.SingleAsync();
        task.Status.ShouldBe(ResampleStatus.Positive);
        (await check.ControlOrders.SingleAsync()).Reason.ShouldContain("positive single tube AG-1");
    }
}
