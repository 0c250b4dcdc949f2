using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Cases;
using Fangkong.ClosedLoop;
using Fangkong.Data;
using Fangkong.IntegrationTests.ClosedLoop;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Quarantine.HomeMonitoring;
using Fangkong.Testing;
using static Fangkong.IntegrationTests.Quarantine.Transfers.FlowWorld;

namespace Fangkong.IntegrationTests.Privacy;

/// <summary>
/// Least data per role in the case, contact, home-monitoring and closed-loop lists (issue 14):
/// an inspector counts and follows officials, so gets masked names (张*), no phones and no
/// symptoms, and cannot search cases by name; the county worker keeps the names.
/// </summary>
public sealed class LeastDataCaseListsTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Inspector_GetsMaskedNames_InCaseAndContactLists_AndCannotSearchCasesByName(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await PrivacyUsers.AddAsync(host.Database);
        await using (var db = host.Database.NewContext())
        {
            await CaseAsync(db, "JL-1", Zhang, "张伟", WebTestData.Community, Severity.Mild);
            await ContactAsync(db, "MJ-1", WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2), "李娜", WebTestData.Community);
        }

        using var inspector = await host.ClientAsync(PrivacyUsers.Inspector);
        var cases = await inspector.GetStringAsync("/api/v1/cases");
        Items(cases).Single().GetProperty("name").GetString().ShouldBe("张*");
        cases.ShouldNotContain("张伟");
        var contacts = await inspector.GetStringAsync("/api/v1/contacts");
        Items(contacts).Single().GetProperty("name").GetString().ShouldBe("李*");
        contacts.ShouldNotContain("李娜");

        // A name prefix finds nothing for the inspector (it would tell who is a case); the case number still does.
        Items(await inspector.GetStringAsync("/api/v1/cases?q=张")).ShouldBeEmpty();
        Items(await inspector.GetStringAsync("/api/v1/cases?q=JL-1")).Count.ShouldBe(1);

        // The pages are built on the same lists.
        var casePage = await inspector.GetStringAsync("/cases");
        casePage.ShouldContain("张*");
        casePage.ShouldNotContain("张伟");
        (await inspector.GetStringAsync("/contacts")).ShouldNotContain("李娜");

        // The county worker, who calls the people, keeps the names and the name search.
        using var county = await host.ClientAsync("county");
        (await county.GetStringAsync("/api/v1/cases?q=张")).ShouldContain("张伟");
        (await county.GetStringAsync("/api/v1/contacts")).ShouldContain("李娜");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Inspector_GetsMaskedNamesWithoutPhonesOrSymptoms_InHomeMonitoringAndClosedLoops(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await PrivacyUsers.AddAsync(host.Database);
        var today = Fangkong.Common.ChinaTime.Today(TimeProvider.System);
        long watchId;
        await using (var db = host.Database.NewContext())
        {
            var watch = new HomeWatch(HomeWatchKind.HomeQuarantine, null, Zhang, "张伟", "13904321001", WebTestData.Community, "MJ-1", null,
                today.AddDays(-1), today.AddDays(5), "system", DateTimeOffset.UtcNow);
            db.HomeWatches.Add(watch);
            await db.SaveChangesAsync();
            db.HomeCheckIns.Add(new HomeCheckIn(watch.Id, watch.RegionCode, today, 36.6m, "咳嗽", "community", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
            watchId = watch.Id;
        }

        var world = await ClosedLoopWorld.CreateAsync(host.Database, seedWebData: false);
        using var county = await host.ClientAsync("county");
        using var created = await county.PostAsJsonAsync("/api/v1/closed-loops", new { organisationId = world.Unit });
        var loop = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        (await county.PostAsJsonAsync($"/api/v1/closed-loops/{loop}/members", ClosedLoopWorld.Member(ClosedLoopWorld.Driver1, ClosedLoopRole.Delivery, "1号宿舍", TestSchedule.Daily)))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        await using (var db = host.Database.NewContext())
        {
            (await DetectBreaches.HandleAsync(db, TimeProvider.System, ClosedLoopWorld.Day)).IsSuccess.ShouldBeTrue();
        }

        using var inspector = await host.ClientAsync(PrivacyUsers.Inspector);
        var list = await inspector.GetStringAsync("/api/v1/home-monitoring");
        var row = JsonDocument.Parse(list).RootElement.GetProperty("page").GetProperty("items").EnumerateArray().Single();
        (row.GetProperty("name").GetString(), row.GetProperty("phone").GetString(), row.GetProperty("symptoms").ValueKind, row.GetProperty("checkedIn").GetBoolean())
            .ShouldBe(("张*", string.Empty, JsonValueKind.Null, true));
        list.ShouldNotContain("张伟");
        list.ShouldNotContain("1001");
        var one = await inspector.GetStringAsync($"/api/v1/home-monitoring/{watchId}");
        one.ShouldNotContain("张伟");
        one.ShouldNotContain("咳嗽");
        (await inspector.GetStringAsync($"/home-monitoring/{watchId}")).ShouldNotContain("张伟");

        var compliance = await inspector.GetStringAsync($"/api/v1/closed-loops/{loop}/compliance?day={ClosedLoopWorld.Day:yyyy-MM-dd}");
        JsonDocument.Parse(compliance).RootElement.GetProperty("members").EnumerateArray().Single().GetProperty("name").GetString().ShouldBe("送**");
        compliance.ShouldNotContain("送货甲");
        var breaches = await inspector.GetStringAsync("/api/v1/closed-loops/breaches");
        Items(breaches).ShouldNotBeEmpty();
        breaches.ShouldNotContain("送货甲");
        breaches.ShouldContain("送**（");
        (await inspector.GetStringAsync("/closed-loops/breaches")).ShouldNotContain("送货甲");

        // The county worker keeps them.
        (await county.GetStringAsync("/api/v1/home-monitoring")).ShouldContain("张伟");
        (await county.GetStringAsync("/api/v1/closed-loops/breaches")).ShouldContain("送货甲");
    }

    private static List<JsonElement> Items(string json) =>
        [.. JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray()];
}
