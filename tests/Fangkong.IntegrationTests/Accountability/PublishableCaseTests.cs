using System.Net;
using System.Net.Http.Json;
using Fangkong.Accountability;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.IntegrationTests.Web.Forms;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Accountability;

/// <summary>
/// Issue 16, item 9: a phone number in a case passed save and decision, then blocked the notice,
/// and a decided case cannot be edited, so it could never be published. Now the save refuses it
/// next to its field, keeping every official's row as typed, and the decision refuses an old draft.
/// </summary>
public sealed class PublishableCaseTests
{
    private const string Phone = "13812345678";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task APhoneInTheFacts_IsRefusedAtSave_NextToTheFacts_AndEveryOfficialsRowIsKept(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var jijian = await host.ClientAsync("jijian");

        using var response = await FormPost.SendAsync(jijian, "/accountability/new", "case",
            ("region", WebTestData.County), ("title", "履职不力问题"), ("facts", $"联系电话 {Phone}，未严格执行封闭管理"), ("incidentDate", "2022-03-04"),
            ("o0.name", "王兆珩"), ("o0.unit", "船营区民政局"), ("o0.post", "局长"), ("o0.responsibility", "Leadership"), ("o0.note", "分管养老院"), ("o0.measures", "Dismissal"),
            ("o1.name", ""), ("o1.unit", ""), ("o1.post", ""), ("o1.responsibility", "Direct"), ("o1.note", ""),
            ("o2.name", "李娜"), ("o2.unit", "船营区卫健局"), ("o2.post", "科长"), ("o2.responsibility", "Direct"), ("o2.note", "直接负责"), ("o2.measures", "Admonition"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        FormPost.MessageNextTo(html, "facts").ShouldNotBeNull().ShouldContain("疑似电话");
        html.ShouldNotContain("页面不存在");
        foreach (var typed in new[] { "王兆珩", "船营区民政局", "局长", "分管养老院", "李娜", "船营区卫健局", "科长", "直接负责" })
        {
            html.ShouldContain($"value=\"{typed}\"");
        }

        html.ShouldContain($"未严格执行封闭管理</textarea>");
        await using var db = host.Database.NewContext();
        (await db.AccountabilityCases.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task APhoneInAnOfficialsUnit_IsShownUnderTheRowItWasTypedIn(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var jijian = await host.ClientAsync("jijian");

        using var response = await FormPost.SendAsync(jijian, "/accountability/new", "case",
            ("region", WebTestData.County), ("title", "履职不力问题"), ("facts", "未严格执行封闭管理"),
            ("o0.name", ""), ("o0.unit", ""), ("o0.post", ""), ("o0.responsibility", "Direct"), ("o0.note", ""),
            ("o1.name", "李娜"), ("o1.unit", $"船营区卫健局（{Phone}）"), ("o1.post", "科长"), ("o1.responsibility", "Direct"), ("o1.note", ""), ("o1.measures", "Admonition"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        FormPost.MessageNextTo(html, "o1.unit").ShouldNotBeNull().ShouldContain("疑似电话");
        FormPost.MessageNextTo(html, "o0.unit").ShouldBeNull();
        html.ShouldContain("value=\"李娜\"");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ADraftSavedWithAPhone_CannotBeDecided_UntilEdited_ThenItsNoticeIsMade(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var jijian = await host.ClientAsync("jijian");
        var id = await AccountabilityWorld.CreateAsync(jijian, AccountabilityWorld.Simple(WebTestData.County, "李明"));
        // A draft stored before the check: its facts carry a phone number.
        await using (var db = host.Database.NewContext())
        {
            var stored = await db.AccountabilityCases.Include(c => c.Officials).Include(c => c.Findings).SingleAsync();
            stored.Edit(stored.Title, $"举报电话{Phone}", stored.Consequence, stored.IncidentDate, null, [.. stored.Officials.Select(Copy)], [], DateTimeOffset.UtcNow).ShouldBeNull();
            await db.SaveChangesAsync();
        }

        using var refused = await jijian.PostAsJsonAsync($"/api/v1/accountability/cases/{id}/decide", new { decidingBody = "吉林市纪委监委", decidedOn = "2022-04-09" });

        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("请先修改案件");
        using var edited = await jijian.PutAsJsonAsync($"/api/v1/accountability/cases/{id}", AccountabilityWorld.Simple(WebTestData.County, "李明"));
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        await AccountabilityWorld.DecideAsync(jijian, id);
        using var notice = await jijian.PostAsJsonAsync("/api/v1/notices", new { issuingBody = "吉林市纪委监委", issuedOn = "2022-04-09", caseIds = new[] { id } });
        notice.StatusCode.ShouldBe(HttpStatusCode.OK, await notice.Content.ReadAsStringAsync());
    }

    private static AccountableOfficial Copy(AccountableOfficial o) =>
        new(o.Name, o.Unit, o.Post, o.OfficialRegion, o.Responsibility, o.ResponsibilityNote, o.MeasureList);
}
