using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Quarantine;
using Fangkong.Quarantine.Allocation;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Quarantine;

/// <summary>The quarantine API and pages: who may do what, in which jurisdiction, in Chinese, audited.</summary>
public sealed partial class QuarantineWebTests
{
    private static readonly IReadOnlyDictionary<string, (string Role, string Region)> Users = new Dictionary<string, (string, string)>
    {
        ["dispatcher"] = (Roles.Dispatcher, "2202"),
        ["city"] = (Roles.CommandCentre, "2202"),
        ["staff"] = (Roles.QuarantineStaff, WebTestData.County),
    };

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Sites_CountyRegistersInOwnCountyOnly_BadInputRefused_AndSeesOnlyItsOwnSites(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var county = await host.ClientAsync("county");
        using var city = await host.ClientAsync("city");

        (await county.PostAsJsonAsync("/api/v1/quarantine/sites", Site("船营宾馆", WebTestData.County))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await county.PostAsJsonAsync("/api/v1/quarantine/sites", Site("昌邑宾馆", WebTestData.OtherCounty))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.PostAsJsonAsync("/api/v1/quarantine/sites", Site("船营宾馆", WebTestData.County))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await county.PostAsJsonAsync("/api/v1/quarantine/sites", Site("坏类型", WebTestData.County, kind: "tent"))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await county.PostAsJsonAsync("/api/v1/quarantine/sites", Site("大方舱", WebTestData.County, kind: "shelter", perSection: 21))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await county.PostAsJsonAsync("/api/v1/quarantine/sites", Site("方舱", WebTestData.County, kind: "shelter", perSection: 20))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await city.PostAsJsonAsync("/api/v1/quarantine/sites", Site("昌邑宾馆", WebTestData.OtherCounty))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var seen = await county.GetFromJsonAsync<JsonElement>("/api/v1/quarantine/sites");
        seen.EnumerateArray().Select(s => s.GetProperty("name").GetString()).Order().ShouldBe(["方舱", "船营宾馆"]);
        (await city.GetFromJsonAsync<JsonElement>("/api/v1/quarantine/sites")).GetArrayLength().ShouldBe(3);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Allocate_OnlyDispatcherOrCommandCentre_PlacesTheWaiting_AndPagesShowIt(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var county = await host.ClientAsync("county");
        using var dispatcher = await host.ClientAsync("dispatcher");
        using var sampler = await host.ClientAsync("sampler");
        (await county.PostAsJsonAsync("/api/v1/quarantine/sites", Site("船营宾馆", WebTestData.County, perSection: 1))).StatusCode.ShouldBe(HttpStatusCode.OK);
        await ContactsAsync(host.Database, 2);

        (await county.PostAsync("/api/v1/quarantine/allocate", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await sampler.GetAsync("/api/v1/quarantine/waiting")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using (var forbidden = await sampler.GetAsync("/quarantine/sites"))
        {
            forbidden.Headers.Location!.AbsolutePath.ShouldBe("/forbidden");
        }

        var board = await county.GetStringAsync("/quarantine/sites");
        board.ShouldContain("<html lang=\"zh-CN\"");
        board.ShouldContain("隔离点与医院");
        board.ShouldContain("人等房间");
        var queue = await dispatcher.GetStringAsync("/quarantine/queue");
        queue.ShouldContain("待分配 2 人");
        queue.ShouldContain("data-testid=\"allocate\"");
        (await county.GetStringAsync("/quarantine/queue")).ShouldNotContain("data-testid=\"allocate\"");

        var token = Hidden(queue, "__RequestVerificationToken");
        using var posted = await dispatcher.PostAsync("/quarantine/queue", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("_handler", "allocate")]));
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        posted.Headers.Location!.OriginalString.ShouldEndWith("quarantine/queue?done=allocation-run");
        var after = await dispatcher.GetStringAsync(posted.Headers.Location.OriginalString);
        after.ShouldContain("分配已完成。");
        after.ShouldContain("安置 1 人，未安置 1 人");

        var again = await dispatcher.PostAsync("/api/v1/quarantine/allocate", null);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("placed").GetInt32().ShouldBe(0);
        await using var db = host.Database.NewContext();
        (await db.Placements.CountAsync()).ShouldBe(1);
        (await db.AuditLog.CountAsync(a => a.Action == RunAllocation.AuditAction && a.UserName == "dispatcher")).ShouldBe(1);
        (await db.AuditLog.CountAsync(a => a.Action == "search" && a.UserName == "dispatcher")).ShouldBeGreaterThan(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CentralDecision_IdempotentAndJurisdictional_DependantNeedsSameKind(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var investigator = await host.ClientAsync("investigator");
        using var sampler = await host.ClientAsync("sampler");
        long mine, other;
        await using (var db = host.Database.NewContext())
        {
            mine = await db.Persons.Where(p => p.RegionCode == WebTestData.Community).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
            other = await db.Persons.Where(p => p.RegionCode == WebTestData.OtherCountyCommunity).Select(p => p.Id).FirstAsync();
        }

        var first = await (await investigator.PostAsJsonAsync("/api/v1/quarantine/central-decisions", new { personId = mine })).Content.ReadFromJsonAsync<JsonElement>();
        first.GetProperty("alreadyStood").GetBoolean().ShouldBeFalse();
        var second = await (await investigator.PostAsJsonAsync("/api/v1/quarantine/central-decisions", new { personId = mine })).Content.ReadFromJsonAsync<JsonElement>();
        second.GetProperty("alreadyStood").GetBoolean().ShouldBeTrue();
        second.GetProperty("id").GetInt64().ShouldBe(first.GetProperty("id").GetInt64());
        (await investigator.PostAsJsonAsync("/api/v1/quarantine/central-decisions", new { personId = other })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await sampler.PostAsJsonAsync("/api/v1/quarantine/central-decisions", new { personId = mine })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var (close, secondary) = await ContactPairAsync(host.Database);
        (await investigator.PostAsJsonAsync("/api/v1/quarantine/dependants", new { kind = "CloseContact", dependantId = secondary, carerId = close, reason = "Child" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await investigator.PostAsJsonAsync("/api/v1/quarantine/dependants", new { kind = "Case", dependantId = secondary, carerId = close, reason = "Child" }))
            .StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TheWaitingList_ExportsItsPeople_LongestWaitingFirst_WithoutIdentityNumbers_AndAnOtherFormatIsRefused(DatabaseProvider provider)
    {
        await using var host = await StartAsync(provider);
        using var county = await host.ClientAsync("county");
        await ContactsAsync(host.Database, 3);

        var csv = Exports.ExportFiles.Csv(await county.GetByteArrayAsync("/api/v1/quarantine/waiting/export?format=csv"));
        csv[0].ShouldBe(["类型", "名称", "区划", "需要", "判定时间", "已等待（小时）", "住址坐标"], "the page's column titles");
        csv.Skip(1).Select(r => r[1]).Order().ShouldBe(["密接0", "密接1", "密接2"]);
        csv.Skip(1).ShouldAllBe(r => r[3] == "隔离房间");
        var xlsx = Exports.ExportFiles.Xlsx(await county.GetByteArrayAsync("/api/v1/quarantine/waiting/export?format=xlsx"));
        xlsx.Select(r => string.Join("|", r)).ShouldBe(csv.Select(r => string.Join("|", r)));
        (await county.GetStringAsync("/quarantine/queue")).ShouldContain("quarantine/waiting/export?format=xlsx");

        using var refused = await county.GetAsync("/api/v1/quarantine/waiting/export?format=pdf");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("format", out _).ShouldBeTrue();
    }

    private static object Site(string name, string region, string kind = "hotel", int perSection = 2) => new
    {
        name, kind, regionCode = region, address = "测试路1号", latitude = 43.84, longitude = 126.55, staff = 5, contactName = "王", contactPhone = "0432-1",
        sections = 1, perSection,
    };

    private static async Task<WebTestHost> StartAsync(DatabaseProvider provider)
    {
        var host = await WebTestHost.StartAsync(provider);
        await TestUsers.AddAsync(host.Database.Settings, Users);
        return host;
    }

    private static async Task ContactsAsync(TestDatabase database, int count)
    {
        await using var db = database.NewContext();
        var policy = await db.PolicyVersions.AsNoTracking().SingleAsync(v => v.Code == Fangkong.Cases.PolicyVersions.Eighth);
        var today = ChinaTime.Today(TimeProvider.System);
        for (var i = 0; i < count; i++)
        {
            db.Contacts.Add(Fangkong.Cases.Contact.Create(
                new Fangkong.Cases.Contact.Report($"W{i}", Fangkong.Cases.ContactKind.Close, "JL-1", null, $"X{i}", $"密接{i}", WebTestData.Community, null, today.AddDays(-1), null),
                policy).Value!);
        }

        await db.SaveChangesAsync();
    }

    private static async Task<(long Close, long Secondary)> ContactPairAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var policy = await db.PolicyVersions.AsNoTracking().SingleAsync(v => v.Code == Fangkong.Cases.PolicyVersions.Eighth);
        var today = ChinaTime.Today(TimeProvider.System);
        var close = Fangkong.Cases.Contact.Create(new("P1", Fangkong.Cases.ContactKind.Close, "JL-1", null, "X1", "甲", WebTestData.Community, null, today, null), policy).Value!;
        var secondary = Fangkong.Cases.Contact.Create(new("P2", Fangkong.Cases.ContactKind.Secondary, null, "P1", "X2", "乙", WebTestData.Community, null, today, null), policy).Value!;
        db.Contacts.AddRange(close, secondary);
        await db.SaveChangesAsync();
        return (close.Id, secondary.Id);
    }

    private static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]+)\"");
        match.Success.ShouldBeTrue($"hidden field {name}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
