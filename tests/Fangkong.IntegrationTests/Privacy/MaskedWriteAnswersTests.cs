using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;

namespace Fangkong.IntegrationTests.Privacy;

/// <summary>
/// Writes that take a full identity number answer a masked role with the masked form (issue 14):
/// typing a number into a transfer or an exemption must not confirm it back in full, nor whose it is.
/// </summary>
public sealed class MaskedWriteAnswersTests
{
    private static string Zhang => WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);

    private static string Li => WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task TransferCreate_ByDispatcher_AnswersMaskedNumberAndName(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await PrivacyUsers.AddAsync(host.Database);
        using var dispatcher = await host.ClientAsync(PrivacyUsers.Dispatcher);
        var body = new { idNumber = Zhang, siteName = "吉林宾馆", siteRegionCode = WebTestData.County, identifiedAt = DateTimeOffset.UtcNow.AddHours(-3), fromAddress = "吉源小区 3 栋" };

        foreach (var round in new[] { "new", "again (already open)" })
        {
            using var created = await dispatcher.PostAsJsonAsync("/api/v1/transfers", body);
            var text = await created.Content.ReadAsStringAsync();
            created.StatusCode.ShouldBe(HttpStatusCode.OK, text);
            var answer = JsonDocument.Parse(text).RootElement;
            (answer.GetProperty("idNumber").GetString(), answer.GetProperty("name").GetString()).ShouldBe(($"{Zhang[..6]}********{Zhang[14..17]}*", "张*"), round);
            text.ShouldNotContain(Zhang);
            text.ShouldNotContain("张伟");
        }
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Exemptions_ByCountyWorker_AnswerMaskedNumbers_WhateverTheOutcome(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var county = await host.ClientAsync("county");
        using var round = await county.PostAsJsonAsync("/api/v1/testing/rounds", new { name = "船营区第一轮", regionCode = WebTestData.County, poolSize = 10 });
        var id = (await round.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var unregistered = WebTestData.IdNumberFor(WebTestData.Community, "19700101", 9);

        using var response = await county.PostAsJsonAsync($"/api/v1/testing/rounds/{id}/exemptions", new
        {
            exemptions = new[] { new { idNumber = Zhang, reason = "quarantine" }, new { idNumber = Li, reason = "quarantine" }, new { idNumber = unregistered, reason = "quarantine" } },
        });
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(HttpStatusCode.OK, text);
        var numbers = JsonDocument.Parse(text).RootElement.EnumerateArray().Select(r => r.GetProperty("idNumber").GetString()).ToList();
        numbers.ShouldBe([Masked(Zhang), Masked(Li), Masked(unregistered)]);
        foreach (var full in new[] { Zhang, Li, unregistered })
        {
            text.ShouldNotContain(full);
        }
    }

    private static string Masked(string number) => $"{number[..6]}********{number[14..17]}*";
}
