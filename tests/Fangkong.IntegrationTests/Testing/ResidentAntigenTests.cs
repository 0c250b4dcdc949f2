using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Testing;
using Fangkong.Web.Apis;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Testing;

/// <summary>
/// The public antigen page: a resident without an account reports their own self-test; identity
/// number and registered phone must match; a positive opens the confirmation; a double submission
/// is recorded once; mismatches are refused alike and audited; attempts are rate-limited.
/// </summary>
public sealed partial class ResidentAntigenTests
{
    private static string Zhang => WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);

    private const string ZhangPhone = "13904321001";

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task AntigenPage_IsOpenWithoutSignIn_InChineseFirst_AndInEnglishOnTheSwitch(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var anonymous = await host.ClientAsync();
        using var response = await anonymous.GetAsync("/antigen");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await response.Content.ReadAsStringAsync();
        page.ShouldContain("<html lang=\"zh-CN\"");
        page.ShouldContain("抗原自测结果上报");
        page.ShouldContain("登记手机号");
        page.ShouldContain("data-testid=\"language-switch\"");

        using var english = await host.ClientAsync(culture: "en");
        (await english.GetStringAsync("/antigen")).ShouldContain("Report an antigen self-test");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task PositiveSelfReport_WithMatchingIdAndPhone_OpensAConfirmation_AndASecondSubmitRecordsOnce(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var anonymous = await host.ClientAsync();
        var testedAt = TestedAt(hoursAgo: 2);

        // Spaces and a +86 prefix are the same phone.
        var first = await SubmitAsync(anonymous, Zhang, "+86 139-0432-1001", "positive", testedAt);
        first.ShouldContain("outcome=recorded");
        first.ShouldContain("confirmation=yes");
        first.ShouldNotContain(Zhang);
        var done = await anonymous.GetStringAsync(first);
        done.ShouldContain("已上报");
        done.ShouldContain("社区将尽快联系您安排核酸复核");

        var again = await SubmitAsync(anonymous, Zhang, ZhangPhone, "positive", testedAt);
        again.ShouldContain("outcome=already");
        (await anonymous.GetStringAsync(again)).ShouldContain("此结果此前已上报，未重复记录");

        await using var db = host.Database.NewContext();
        var report = await db.AntigenReports.SingleAsync();
        report.Result.ShouldBe(TestResult.Positive);
        report.ReportedBy.ShouldBe("resident");
        report.RegionCode.ShouldBe(WebTestData.Community);
        var task = await db.ConfirmationTasks.SingleAsync();
        task.AntigenReportId.ShouldBe(report.Id);
        task.Status.ShouldBe(ResampleStatus.Open);
        (await db.AuditLog.CountAsync(a => a.Entity == nameof(AntigenReport) && a.UserName == "resident" && a.Action != "refused")).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task NegativeSelfReport_IsRecorded_WithoutAConfirmation(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var anonymous = await host.ClientAsync();
        var location = await SubmitAsync(anonymous, Zhang, ZhangPhone, "negative", TestedAt(hoursAgo: 1));
        location.ShouldContain("outcome=recorded");
        location.ShouldContain("confirmation=no");

        await using var db = host.Database.NewContext();
        (await db.AntigenReports.SingleAsync()).Result.ShouldBe(TestResult.Negative);
        (await db.ConfirmationTasks.CountAsync()).ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SelfReport_WithAWrongPhone_OrForAnUnregisteredPerson_IsRefusedAlike_Audited_AndRecordsNothing(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var anonymous = await host.ClientAsync();
        var testedAt = TestedAt(hoursAgo: 1);
        var unregistered = WebTestData.IdNumberFor(WebTestData.Community, "20000101", 9);

        // 李娜's phone with 张伟's identity number; and someone not in the register.
        var wrongPhone = await RefusedAsync(anonymous, Zhang, "13904321002", "positive", testedAt);
        var stranger = await RefusedAsync(anonymous, unregistered, ZhangPhone, "positive", testedAt);
        stranger.ShouldBe(wrongPhone);
        wrongPhone.ShouldContain("证件号码与登记的手机号不符");

        (await RefusedAsync(anonymous, "220204198503120000", ZhangPhone, "positive", testedAt)).ShouldContain("证件号码无效");

        await using var db = host.Database.NewContext();
        (await db.AntigenReports.CountAsync()).ShouldBe(0);
        (await db.ConfirmationTasks.CountAsync()).ShouldBe(0);
        var refused = await db.AuditLog.Where(a => a.Action == "refused" && a.Entity == nameof(AntigenReport)).ToListAsync();
        refused.Count.ShouldBe(2);
        refused.ShouldAllBe(a => a.UserName == "resident");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SelfReport_BeyondTheAttemptsOfAWindow_IsTurnedAway_EvenWithTheRightPhone(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var anonymous = await host.ClientAsync();
        var testedAt = TestedAt(hoursAgo: 1);
        for (var i = 0; i < AntigenRateLimit.AttemptsPerWindow; i++)
        {
            (await RefusedAsync(anonymous, Zhang, $"1390432{i:D4}", "positive", testedAt)).ShouldNotBeEmpty();
        }

        var blocked = await SubmitAsync(anonymous, Zhang, ZhangPhone, "positive", testedAt);
        (await anonymous.GetStringAsync(blocked)).ShouldContain("尝试次数过多");
        await using var db = host.Database.NewContext();
        (await db.AntigenReports.CountAsync()).ShouldBe(0);
    }

    /// <summary>Posts the page's form as a browser would; returns where it redirects to.</summary>
    private static async Task<string> SubmitAsync(HttpClient client, string idNumber, string phone, string result, string testedAt)
    {
        using var response = await PostAsync(client, idNumber, phone, result, testedAt);
        ((int)response.StatusCode).ShouldBeOneOf(302, 303);
        var location = response.Headers.Location!;
        return location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString;
    }

    /// <summary>Posts the page's form and expects a refusal shown on the page: returns the form's summary text.</summary>
    private static async Task<string> RefusedAsync(HttpClient client, string idNumber, string phone, string result, string testedAt)
    {
        using var response = await PostAsync(client, idNumber, phone, result, testedAt);
        response.IsSuccessStatusCode.ShouldBeFalse();
        return Fangkong.IntegrationTests.Web.Forms.FormPost.Summary(await response.Content.ReadAsStringAsync()).ShouldNotBeNull();
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string idNumber, string phone, string result, string testedAt)
    {
        var page = await client.GetStringAsync("/antigen");
        var token = WebUtility.HtmlDecode(TokenField().Match(page).Groups[1].Value);
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "antigen",
            ["idNumber"] = idNumber,
            ["phone"] = phone,
            ["result"] = result,
            ["testedAt"] = testedAt,
        });
        return await client.PostAsync("/antigen", form);
    }

    /// <summary>A datetime-local value in Beijing time, whole minutes, as the page's field sends it.</summary>
    private static string TestedAt(int hoursAgo) =>
        DateTimeOffset.UtcNow.AddHours(-hoursAgo).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    [GeneratedRegex("<input[^>]*name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
