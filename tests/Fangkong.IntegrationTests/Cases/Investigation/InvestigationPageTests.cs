using System.Net;
using System.Text.RegularExpressions;
using Fangkong.Cases.Investigation;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using W = Fangkong.IntegrationTests.Cases.Investigation.InvestigationWorld;

namespace Fangkong.IntegrationTests.Cases.Investigation;

/// <summary>The 流调 page: open, read the candidates with their reasons, confirm and dismiss through its forms.</summary>
public sealed class InvestigationPageTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Investigator_OpensTheInvestigation_ConfirmsAndDismissesCandidatesThroughThePageForms(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var world = await W.SeedAsync(host.Database, new DateOnly(2022, 4, 2));
        using var investigator = await host.ClientAsync("investigator");
        var page = $"/cases/{world.CaseId}/investigation";

        var before = await investigator.GetStringAsync(page);
        before.ShouldContain("该病例尚未开始流调");
        var token = Hidden(before, "__RequestVerificationToken");
        using (var forged = await investigator.PostAsync(page, new FormUrlEncodedContent([new("_handler", "open")])))
        {
            forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        }

        using (var opened = await investigator.PostAsync(page, Form(token, ("_handler", "open"))))
        {
            opened.Headers.Location!.PathAndQuery.ShouldBe($"{page}?done=opened");
        }

        var html = await investigator.GetStringAsync(page);
        html.ShouldContain("剩余 23:");
        html.ShouldContain("陈丽");
        html.ShouldContain("同户、同单元");
        html.ShouldContain("同管混采");
        html.ShouldContain("同场所扫码");
        await using var db = host.Database.NewContext();
        var ids = await db.ContactCandidates.ToDictionaryAsync(c => c.IdNumber, c => c.Id);

        using (var confirmed = await investigator.PostAsync(page, Form(token, ("_handler", $"confirm-{ids[W.HouseholdMember]}"), ("Decision.CandidateId", $"{ids[W.HouseholdMember]}"), ("Decision.ExposureOn", "2022-04-01"))))
        {
            confirmed.Headers.Location!.PathAndQuery.ShouldBe($"{page}?done=confirmed");
        }

        using (var noReason = await investigator.PostAsync(page, Form(token, ("_handler", $"dismiss-{ids[W.Neighbour]}"), ("Decision.CandidateId", $"{ids[W.Neighbour]}"), ("Decision.Reason", ""))))
        {
            noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
            (await noReason.Content.ReadAsStringAsync()).ShouldContain("排除须说明理由");
        }

        using (var dismissed = await investigator.PostAsync(page, Form(token, ("_handler", $"dismiss-{ids[W.Neighbour]}"), ("Decision.CandidateId", $"{ids[W.Neighbour]}"), ("Decision.Reason", "长期外地居住"))))
        {
            dismissed.Headers.Location!.PathAndQuery.ShouldBe($"{page}?done=dismissed");
        }

        var after = await investigator.GetStringAsync(page);
        after.ShouldContain("长期外地居住");
        after.ShouldContain($"{W.CaseNo}-M{ids[W.HouseholdMember]}");
        await using var check = host.Database.NewContext();
        (await check.Contacts.SingleAsync()).ExposureOn.ShouldBe(new DateOnly(2022, 4, 1));
        (await check.ContactCandidates.SingleAsync(c => c.Id == ids[W.Neighbour])).Status.ShouldBe(CandidateStatus.Dismissed);
        (await investigator.GetStringAsync("/investigations")).ShouldContain(W.CaseNo);
        await using (var seed = host.Database.NewContext())
        {
            var another = await Fangkong.Cases.ImportCases.HandleAsync(seed, TimeProvider.System, TempCsv.Write(
                LineListImportTests.Header, $"JL-101,某人,,{WebTestData.Community},asymptomatic,,2022-04-02,,,"));
            another.IsSuccess.ShouldBeTrue(another.Error?.Message);
        }

        using (var openedAll = await investigator.PostAsync("/investigations", Form(Hidden(await investigator.GetStringAsync("/investigations"), "__RequestVerificationToken"), ("_handler", "open-missing"))))
        {
            openedAll.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await openedAll.Content.ReadAsStringAsync()).ShouldContain("已开始 1 项流调");
        }
    }

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Prepend(new("__RequestVerificationToken", token)));

    private static string Hidden(string html, string name)
    {
        var match = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]+)\"");
        match.Success.ShouldBeTrue($"hidden field {name}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}
