using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Accountability;

/// <summary>
/// Four eyes on a notice: drafted by one inspector, approved by another (the drafter is refused),
/// published only once approved; the notice's log says who did each step and when.
/// </summary>
public sealed class NoticeFourEyesTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Notice_DrafterCannotApprove_AndOnlyAnApprovedNoticeIsPublished(DatabaseProvider provider)
    {
        await using var host = await AccountabilityWorld.StartAsync(provider);
        using var drafter = await host.ClientAsync("jijian");
        using var reviewer = await host.ClientAsync("jijian-reviewer");
        var decided = await AccountabilityWorld.CreateAsync(drafter, AccountabilityWorld.Simple(WebTestData.County, "王兆珩", "免职"));
        await AccountabilityWorld.DecideAsync(drafter, decided);
        using var composed = await drafter.PostAsJsonAsync("/api/v1/notices", new { issuingBody = "吉林市纪委监委", issuedOn = "2022-04-09", caseIds = new[] { decided } });
        var body = await composed.Content.ReadAsStringAsync();
        composed.StatusCode.ShouldBe(HttpStatusCode.OK, body);
        var id = JsonDocument.Parse(body).RootElement.GetProperty("id").GetInt64();
        (await StatusAsync(drafter, id)).ShouldBe("draft");

        // A draft is not published, and its drafter does not approve it.
        await StepAsync(drafter, id, "publish", HttpStatusCode.Conflict);
        var refused = await StepAsync(drafter, id, "approve", HttpStatusCode.Forbidden);
        refused.ShouldContain("jijian");
        // Neither the other county's inspector (not theirs) nor the command centre (no right) approves it.
        using (var changyi = await host.ClientAsync("jijian-changyi"))
        {
            await StepAsync(changyi, id, "approve", HttpStatusCode.NotFound);
        }

        using (var city = await host.ClientAsync("city"))
        {
            await StepAsync(city, id, "approve", HttpStatusCode.Forbidden);
        }

        (await StatusAsync(drafter, id)).ShouldBe("draft");
        await StepAsync(reviewer, id, "approve", HttpStatusCode.OK);
        await StepAsync(reviewer, id, "approve", HttpStatusCode.Conflict);
        (await StatusAsync(drafter, id)).ShouldBe("approved");
        await StepAsync(drafter, id, "publish", HttpStatusCode.OK);
        await StepAsync(drafter, id, "publish", HttpStatusCode.Conflict);
        await StepAsync(reviewer, 999_999, "approve", HttpStatusCode.NotFound);

        var view = await drafter.GetFromJsonAsync<JsonElement>($"/api/v1/notices/{id}");
        view.GetProperty("status").GetString().ShouldBe("published");
        var log = view.GetProperty("log").EnumerateArray().Select(e => (Step: e.GetProperty("step").GetString(), By: e.GetProperty("by").GetString(), At: e.GetProperty("at").GetDateTimeOffset())).ToList();
        log.Select(e => (e.Step, e.By)).ShouldBe([("drafted", "jijian"), ("approved", "jijian-reviewer"), ("published", "jijian")]);
        log.Select(e => e.At).ShouldBeInOrder();
        var row = (await drafter.GetFromJsonAsync<JsonElement>("/api/v1/notices")).GetProperty("items")[0];
        row.GetProperty("status").GetString().ShouldBe("published");
        row.GetProperty("approvedBy").GetString().ShouldBe("jijian-reviewer");
        row.GetProperty("publishedBy").GetString().ShouldBe("jijian");
    }

    private static async Task<string> StatusAsync(HttpClient client, long id) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/notices/{id}")).GetProperty("status").GetString()!;

    private static async Task<string> StepAsync(HttpClient client, long id, string step, HttpStatusCode expected)
    {
        using var response = await client.PostAsync(new Uri($"/api/v1/notices/{id}/{step}", UriKind.Relative), null);
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, $"{step}: {body}");
        if (!response.IsSuccessStatusCode)
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        }

        return body;
    }
}
