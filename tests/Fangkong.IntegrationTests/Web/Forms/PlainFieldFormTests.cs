using System.Net;
using Fangkong.Common.Input;
using Fangkong.Data;
using Fangkong.IntegrationTests.Accountability;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Web.Forms;

/// <summary>
/// Forms of plain named fields (PostedFields) get the API's input guard by construction: a NUL, an
/// over-long value or a year-9999 date is refused next to its field with 400 and nothing is written;
/// and a refused form shows what the user typed, not the stored values.
/// </summary>
public sealed class PlainFieldFormTests
{
    private static readonly string TooLong = new('长', InputText.DefaultMaxLength + 1);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ANul_AnOverLongValue_AndAYear9999Date_AreRefusedNextToTheirField_With400_AndNothingIsWritten(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var jijian = await host.ClientAsync("jijian");
        using var city = await host.ClientAsync("city");
        using var resident = await host.ClientAsync();

        var wrong = new List<string>();
        // A NUL is refused before the page runs (the form reader, through UnsafeRequestGuard's 400 page),
        // which says the form could not be read, not that it expired.
        await RefusedNextToAsync(wrong, jijian, "/inspections", "plan", "inspectors", null,
            ("kind", "Unannounced"), ("targetKind", "Place"), ("checklist", "nursing-home"), ("region", WebTestData.Community), ("inspectors", "jijian\0"), ("plannedOn", "2022-04-05"));
        using (var nul = await FormPost.SendAsync(jijian, "/inspections", "plan", ("kind", "Unannounced"), ("inspectors", "jijian\0")))
        {
            var page = await nul.Content.ReadAsStringAsync();
            page.ShouldContain("data-testid=\"form-unreadable\"", customMessage: $"{(int)nul.StatusCode}: " + string.Join(" ", System.Text.RegularExpressions.Regex.Matches(page, "data-testid=\"[^\"]*\"|<h1[^<]*<|<p[^<]*<").Select(m => m.Value)));
            page.ShouldNotContain("antiforgery-refused");
        }

        await RefusedNextToAsync(wrong, jijian, "/inspections", "plan", "inspectors", "控制字符",
            ("kind", "Unannounced"), ("targetKind", "Place"), ("checklist", "nursing-home"), ("region", WebTestData.Community), ("inspectors", "jijian\u0007"), ("plannedOn", "2022-04-05"));
        await RefusedNextToAsync(wrong, jijian, "/accountability/new", "case", "title", "不能超过",
            ("region", WebTestData.County), ("title", TooLong), ("facts", "未严格执行封闭管理规定"), ("incidentDate", "2022-03-04"), ("o0.name", ""));
        await RefusedNextToAsync(wrong, jijian, "/accountability/new", "case", "o0.note", "控制字符",
            ("region", WebTestData.County), ("title", "问题"), ("facts", "事实"), ("o0.name", "王兆珩"), ("o0.responsibility", "Leadership"), ("o0.note", "领导\u001b责任"));
        await RefusedNextToAsync(wrong, city, "/supervision/bulletins", "publish", "date", "9999-01-01",
            ("date", "9999-01-01"), ("region", AccountabilityWorld.City), ("correction", ""));
        await RefusedNextToAsync(wrong, resident, "/antigen", "antigen", "testedAt", "9999-01-01",
            ("idNumber", "220204198503120011"), ("phone", "13904321001"), ("result", "negative"), ("testedAt", "9999-01-01T10:00"));
        wrong.ShouldBeEmpty();

        await using var db = host.Database.NewContext();
        (await db.Inspections.CountAsync()).ShouldBe(0);
        (await db.AccountabilityCases.CountAsync()).ShouldBe(0);
        (await db.PublishedBulletins.CountAsync()).ShouldBe(0);
        (await db.AntigenReports.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARefusedEdit_ShowsWhatWasTyped_NotTheStoredValues_AndKeepsTheStoredCase(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var jijian = await host.ClientAsync("jijian");
        var id = await AccountabilityWorld.CreateAsync(jijian, AccountabilityWorld.Simple(WebTestData.County, "李明"));

        using var response = await FormPost.SendAsync(jijian, $"/accountability/{id}/edit", "case",
            ("region", WebTestData.County), ("title", "改过的标题"), ("facts", "改过的事实"), ("incidentDate", "9999-01-01"),
            ("o0.name", "张伟"), ("o0.unit", "龙潭区卫健局"), ("o0.post", "局长"), ("o0.responsibility", "Direct"), ("o0.note", "改过的说明"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        FormPost.MessageNextTo(html, "incidentDate").ShouldNotBeNull().ShouldContain("9999-01-01");
        html.ShouldContain("value=\"改过的标题\"");
        html.ShouldContain("改过的事实</textarea>");
        html.ShouldContain("value=\"张伟\"");
        html.ShouldContain("value=\"改过的说明\"");
        html.ShouldContain("value=\"9999-01-01\"");
        html.ShouldNotContain("value=\"李明\"");
        await using var db = host.Database.NewContext();
        (await db.AccountabilityCases.Select(c => c.Title).SingleAsync()).ShouldBe("在疫情防控工作中履职不力，导致辖区发生聚集性疫情问题");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ARefusedInspectionPlan_KeepsTheTypedFields_AndItsChoices(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var jijian = await host.ClientAsync("jijian");

        using var response = await FormPost.SendAsync(jijian, "/inspections", "plan",
            ("kind", "Scheduled"), ("targetKind", "Place"), ("checklist", "nursing-home"), ("region", WebTestData.Community), ("placeId", "987654"),
            ("inspectors", "jijian 王检查"), ("plannedOn", "2022-04-05"));

        response.IsSuccessStatusCode.ShouldBeFalse();
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldContain("value=\"jijian 王检查\"");
        html.ShouldContain("value=\"987654\"");
        html.ShouldContain("value=\"2022-04-05\"");
        html.ShouldContain("value=\"Scheduled\" selected");
        await using var db = host.Database.NewContext();
        (await db.Inspections.CountAsync()).ShouldBe(0);
    }

    /// <summary>By construction: a page reads plain posted fields only through the kit's PostedFields (uploads excepted), which guards them.</summary>
    [Fact]
    public void NoPage_ReadsThePostedFormAroundTheKit()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Fangkong.slnx")))
        {
            root = root.Parent;
        }

        var components = Path.Combine(root!.FullName, "src", "Fangkong.Web", "Components");
        var kit = Path.Combine(components, "Kit");
        var files = Directory.EnumerateFiles(components, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.StartsWith(kit, StringComparison.Ordinal))
            .ToList();
        files.Count.ShouldBeGreaterThan(30);
        var offending = files.Where(f => System.Text.RegularExpressions.Regex.IsMatch(File.ReadAllText(f), @"Request\.Form(?!\.Files)\b|IFormCollection"))
            .Select(Path.GetFileName).ToList();
        offending.ShouldBeEmpty("read plain fields through PostedFields");
    }

    /// <summary>Expects a 400 and, when <paramref name="says"/> is given, that text in the message under <paramref name="field"/>.</summary>
    private static async Task RefusedNextToAsync(List<string> wrong, HttpClient client, string page, string form, string field, string? says, params (string Name, string Value)[] fields)
    {
        using var response = await FormPost.SendAsync(client, page, form, fields);
        var html = await response.Content.ReadAsStringAsync();
        var message = FormPost.MessageNextTo(html, field);
        if (response.StatusCode != HttpStatusCode.BadRequest || (says is not null && message?.Contains(says, StringComparison.Ordinal) != true))
        {
            wrong.Add($"{page} {field}: {(int)response.StatusCode}, message under the field: {message ?? "none"}, summary: {FormPost.Summary(html) ?? "none"}, {html.Length} chars");
        }
    }
}
