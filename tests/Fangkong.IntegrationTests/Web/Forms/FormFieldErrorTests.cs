using System.Net;
using Fangkong.Data;
using Fangkong.IntegrationTests.Cases;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Web.Forms;

/// <summary>
/// A refused form shows the domain's error where it belongs: a field's error next to that field, an
/// error of the whole form (not found, conflict) in the form's summary, with the kind's HTTP status;
/// nothing is written. Shown on the pending-positives page, whose one form meets all three kinds.
/// </summary>
public sealed class FormFieldErrorTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnInvalidField_IsShownNextToThatField_With400_AndNothingIsWritten(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var id = await PendingPositiveAsync(host);
        using var investigator = await host.ClientAsync("investigator");

        using var response = await FormPost.SendAsync(investigator, "/cases/positives", $"report-{id}",
            ("Report.PositiveId", $"{id}"), ("Report.Type", "probable"), ("Report.Severity", ""), ("Report.CaseNo", ""));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var html = await response.Content.ReadAsStringAsync();
        FormPost.MessageNextTo(html, "Report.Type").ShouldNotBeNull().ShouldContain("类型「probable」应为 confirmed");
        FormPost.MessageNextTo(html, "Report.CaseNo").ShouldBeNull();
        FormPost.Summary(html).ShouldBeNull();
        await NothingReportedAsync(host);
    }

    // Blazor re-executes the status-code page when a page's status changes while it renders; a form's own
    // 404 must still come back with the form and its summary (FormSummary sets the status as the answer starts).
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ANotFoundRecord_IsShownInTheSummary_With404_AndNothingIsWritten(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var id = await PendingPositiveAsync(host);
        using var investigator = await host.ClientAsync("investigator");

        using var response = await FormPost.SendAsync(investigator, "/cases/positives", $"report-{id}",
            ("Report.PositiveId", "987654"), ("Report.Type", "confirmed"), ("Report.Severity", "mild"), ("Report.CaseNo", ""));

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var html = await response.Content.ReadAsStringAsync();
        FormPost.Summary(html).ShouldNotBeNull().ShouldContain("待报告阳性 987654 不存在或不在您的辖区内");
        FormPost.MessageNextTo(html, "Report.Type").ShouldBeNull();
        await NothingReportedAsync(host);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AConflict_IsShownInTheSummary_With409_AndNothingIsWritten(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var id = await PendingPositiveAsync(host);
        await using (var db = host.Database.NewContext())
        {
            (await Fangkong.Cases.ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(
                LineListImportTests.Header, $"JL-9,刘洋,,{WebTestData.Community},asymptomatic,,2022-04-02,,,"))).IsSuccess.ShouldBeTrue();
        }

        using var investigator = await host.ClientAsync("investigator");
        using var response = await FormPost.SendAsync(investigator, "/cases/positives", $"report-{id}",
            ("Report.PositiveId", $"{id}"), ("Report.Type", "confirmed"), ("Report.Severity", "mild"), ("Report.CaseNo", "JL-9"));

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var html = await response.Content.ReadAsStringAsync();
        FormPost.Summary(html).ShouldNotBeNull().ShouldContain("病例编号 JL-9 已被使用");
        html.ShouldContain("value=\"JL-9\"", customMessage: "what was typed stays in the form");
        await using var check = host.Database.NewContext();
        (await check.Cases.Select(c => c.CaseNo).ToListAsync()).ShouldBe(["JL-9"]);
        (await check.PositivePersons.Where(p => p.CaseNo != null).CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AnAcceptedForm_RedirectsToThePageWithAFixedStatusKey(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var id = await PendingPositiveAsync(host);
        using var investigator = await host.ClientAsync("investigator");

        using var response = await FormPost.SendAsync(investigator, "/cases/positives", $"report-{id}",
            ("Report.PositiveId", $"{id}"), ("Report.Type", "confirmed"), ("Report.Severity", "mild"), ("Report.CaseNo", "JL-0320-1"));

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var back = response.Headers.Location!.OriginalString;
        back.ShouldEndWith("/cases/positives?done=positive-reported");
        (await investigator.GetStringAsync(back)).ShouldContain("已报告为病例。");
        await using var check = host.Database.NewContext();
        (await check.Cases.Select(c => c.CaseNo).ToListAsync()).ShouldBe(["JL-0320-1"]);
    }

    private static async Task<long> PendingPositiveAsync(WebTestHost host)
    {
        await PositiveHandoffTests.PositivePoolRetestedAsync(host.Database);
        await using var db = host.Database.NewContext();
        return await db.PositivePersons.Select(p => p.Id).SingleAsync();
    }

    private static async Task NothingReportedAsync(WebTestHost host)
    {
        await using var check = host.Database.NewContext();
        (await check.Cases.CountAsync()).ShouldBe(0);
        (await check.PositivePersons.Where(p => p.CaseNo != null).CountAsync()).ShouldBe(0);
    }
}
