using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Quarantine;
using static Fangkong.IntegrationTests.Quarantine.Transfers.FlowWorld;

namespace Fangkong.IntegrationTests.Quarantine.Transfers;

/// <summary>Transfers, the stay and home monitoring through the API and the pages: roles, jurisdiction, masking, and the whole way of one person.</summary>
public sealed class TransfersApiTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task DispatcherDispatches_SiteStaffChecksIn_AndThePersonLeavesTheEndOfDayList_WhileOtherRolesAndCountiesAreRefused(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await AddRegionsAsync(host.Database);
        await AddUsersAsync(host.Database);
        long placementId;
        await using (var db = host.Database.NewContext())
        {
            var site = await QuarantineWorld.SiteAsync(db, "吉林宾馆");
            placementId = (await PlaceContactAsync(db, site, await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community))).Id;
        }

        using var dispatcher = await host.ClientAsync("dispatcher");
        using var site1 = await host.ClientAsync("site");
        using var community = await host.ClientAsync("community");
        using var changyi = await host.ClientAsync("changyi-dispatcher");
        using var county = await host.ClientAsync("county");

        (await PostAsync(dispatcher, "/api/v1/transfers/open", new { })).GetProperty("count").GetInt32().ShouldBe(1);
        var vehicle = (await PostAsync(dispatcher, "/api/v1/transfers/vehicles", new { plate = "吉B12345", capacity = 4, crew = "王师傅", regionCode = WebTestData.County })).GetProperty("id").GetInt64();
        var board = await dispatcher.GetFromJsonAsync<JsonElement>("/api/v1/transfers/board");
        var person = board.GetProperty("waiting")[0].GetProperty("people")[0];
        person.GetProperty("idNumber").GetString().ShouldBe("220204********" + Zhang[14..17] + "*");
        var transfer = person.GetProperty("transferId").GetInt64();
        var eod = await county.GetFromJsonAsync<JsonElement>("/api/v1/transfers/end-of-day?date=2022-03-20");
        eod.GetProperty("waiting").GetInt32().ShouldBe(1);

        using (var refused = await community.PostAsJsonAsync("/api/v1/transfers/batches", new { vehicleId = vehicle, transferIds = new[] { transfer } }))
        {
            refused.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var batch = (await PostAsync(dispatcher, "/api/v1/transfers/batches", new { vehicleId = vehicle, transferIds = new[] { transfer }, at = T0.AddHours(2) })).GetProperty("batchId").GetInt64();
        using (var other = await changyi.PostAsJsonAsync($"/api/v1/transfers/batches/{batch}/pick-up", new { at = T0.AddHours(3) }))
        {
            other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }

        await PostAsync(dispatcher, $"/api/v1/transfers/batches/{batch}/pick-up", new { at = T0.AddHours(3) });
        (await PostAsync(dispatcher, $"/api/v1/transfers/batches/{batch}/arrive", new { at = T0.AddHours(4) })).GetProperty("state").GetString().ShouldBe("arrived");
        using (var notStaff = await dispatcher.PostAsJsonAsync("/api/v1/stay/check-in", new { transferId = transfer }))
        {
            notStaff.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        }

        var checkedIn = await PostAsync(site1, "/api/v1/stay/check-in", new { transferId = transfer, at = T0.AddHours(4.5) });

        checkedIn.GetProperty("hoursFromIdentification").GetDouble().ShouldBe(4.5);
        (await county.GetFromJsonAsync<JsonElement>("/api/v1/transfers/end-of-day?date=2022-03-20")).GetProperty("waiting").GetInt32().ShouldBe(0);
        var timeline = await dispatcher.GetFromJsonAsync<JsonElement>($"/api/v1/stay/placements/{placementId}/timeline");
        timeline.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("step").GetString()).ShouldBe(["identified", "placed", "dispatched", "pickedUp", "arrived", "checkedIn"]);
        using (var bad = await site1.PostAsJsonAsync($"/api/v1/stay/placements/{placementId}/tests", new { takenAt = T0.AddHours(6), result = "maybe" }))
        {
            bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await bad.Content.ReadAsStringAsync()).ShouldContain("\"result\"");
        }

        using var early = await site1.PostAsJsonAsync($"/api/v1/stay/placements/{placementId}/release", new { at = T0.AddDays(13) });
        early.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        using var foreign = await changyi.GetAsync($"/api/v1/stay/placements/{placementId}/timeline");
        foreign.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task HomeMonitoring_CommunityRecordsCheckInAndALateBreach_OtherRolesAreRefused(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await AddRegionsAsync(host.Database);
        await AddUsersAsync(host.Database);
        var day1 = new DateOnly(2022, 7, 1);
        await using (var db = host.Database.NewContext())
        {
            await ContactAsync(db, "CMJ-1", Li, "李娜", WebTestData.Community, ContactKind.Secondary, day1);
        }

        using var community = await host.ClientAsync("community");
        using var dispatcher = await host.ClientAsync("dispatcher");
        using var sampler = await host.ClientAsync("sampler");

        (await PostAsync(community, "/api/v1/home-monitoring/open-from-orders", new { })).GetProperty("count").GetInt32().ShouldBe(1);
        var missing = await community.GetFromJsonAsync<JsonElement>("/api/v1/home-monitoring?date=2022-07-02&missing=true");
        var row = missing.GetProperty("page").GetProperty("items")[0];
        var id = row.GetProperty("id").GetInt64();
        row.GetProperty("phone").GetString().ShouldBe("139****1002");
        var checkIn = await PostAsync(community, $"/api/v1/home-monitoring/{id}/check-ins", new { day = "2022-07-02", temperature = 37.3, symptoms = new[] { "咳嗽" } });
        checkIn.GetProperty("fever").GetBoolean().ShouldBeTrue();
        (await community.GetFromJsonAsync<JsonElement>("/api/v1/home-monitoring?date=2022-07-02&missing=true")).GetProperty("page").GetProperty("totalCount").GetInt32().ShouldBe(0);
        var left = new DateTimeOffset(2022, 7, 3, 7, 30, 0, TimeSpan.FromHours(8));
        var breach = await PostAsync(community, $"/api/v1/home-monitoring/{id}/breaches", new { occurredAt = left, reportedAt = left.AddHours(26), description = "私自驾车外出接学生", reportedBy = "村妇女主任" });
        (breach.GetProperty("delayHours").GetDouble(), breach.GetProperty("late").GetBoolean()).ShouldBe((26, true));

        using var dispatcherRead = await dispatcher.GetAsync("/api/v1/home-monitoring");
        dispatcherRead.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var samplerWrite = await sampler.PostAsJsonAsync($"/api/v1/home-monitoring/{id}/check-ins", new { day = "2022-07-02", temperature = 36.5 });
        samplerWrite.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var page = await community.GetStringAsync($"/home-monitoring/{id}");
        page.ShouldContain("迟报");
        page.ShouldContain("发热");
        page.ShouldNotContain(Li);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Pages_RenderInChinese_ForTheirRoles_AndOtherRolesAreSentToForbidden(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await AddRegionsAsync(host.Database);
        await AddUsersAsync(host.Database);
        long placementId;
        await using (var db = host.Database.NewContext())
        {
            var site = await QuarantineWorld.SiteAsync(db, "吉林宾馆");
            placementId = (await PlaceContactAsync(db, site, await ContactAsync(db, "MJ-1", Zhang, "张伟", WebTestData.Community))).Id;
            await VehicleAsync(db, "吉B12345", 4);
            await Fangkong.Quarantine.Transfers.OpenTransfers.HandleAsync(db, TimeProvider.System);
        }

        using var dispatcher = await host.ClientAsync("dispatcher");
        using var sampler = await host.ClientAsync("sampler");
        using var community = await host.ClientAsync("community");

        var board = await dispatcher.GetStringAsync("/dispatch");
        board.ShouldContain("转运调度");
        board.ShouldContain("待转运 1 人");
        board.ShouldContain("吉B12345");
        board.ShouldNotContain(Zhang);
        (await dispatcher.GetStringAsync("/transfers/end-of-day?date=2022-03-20")).ShouldContain("船营区（220204）");
        (await dispatcher.GetStringAsync($"/timeline/{placementId}")).ShouldContain("全流程时间轴");
        (await community.GetStringAsync("/home-monitoring")).ShouldContain("居家隔离与健康监测");
        using var english = await host.ClientAsync("dispatcher", "en");
        var en = await english.GetStringAsync("/dispatch");
        en.ShouldContain("Transfer dispatch");
        en.ShouldContain("1 waiting (grouped by compound and site)");
        foreach (var (client, path) in new[] { (sampler, "/dispatch"), (community, "/transfers/end-of-day"), (sampler, "/home-monitoring"), (community, $"/timeline/{placementId}") })
        {
            using var response = await client.GetAsync(path);
            response.Headers.Location!.AbsolutePath.ShouldBe("/forbidden", path);
        }
    }

    private static async Task<JsonElement> PostAsync(HttpClient client, string path, object body)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        return JsonDocument.Parse(text).RootElement.Clone();
    }
}
