using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Privacy;

/// <summary>
/// Issue 14, item 1: a masked identity number cannot be rebuilt. Every masked role that reads the
/// register gets no birth date beside the mask, a mask whose check character is hidden, and no
/// search by number (which would confirm a guess); full-identity roles search by number within a
/// limit, and every such search is on the audit log.
/// </summary>
public sealed class MaskedIdentityTests
{
    private static string Zhang => WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task EveryMaskedRole_GetsNoBirthDate_InSearchRecordOrPage_AndTheMaskHidesTheCheckCharacter(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await PrivacyUsers.AddAsync(host.Database);
        await using var db = host.Database.NewContext();
        var zhang = await db.Persons.SingleAsync(p => p.Name == "张伟");
        var expectedMask = $"{Zhang[..6]}********{Zhang[14..17]}*";

        foreach (var user in PrivacyUsers.MaskedRegisterReaders)
        {
            using var client = await host.ClientAsync(user);
            var searchJson = await client.GetStringAsync("/api/v1/persons?q=张伟");
            var recordJson = await client.GetStringAsync($"/api/v1/persons/{zhang.Id}");
            var searchPage = await client.GetStringAsync("/persons?q=张伟");
            var recordPage = await client.GetStringAsync($"/persons/{zhang.Id}");

            var found = JsonDocument.Parse(searchJson).RootElement.GetProperty("items")[0];
            var record = JsonDocument.Parse(recordJson).RootElement;
            foreach (var person in new[] { found, record })
            {
                person.GetProperty("documentNumber").GetString().ShouldBe(expectedMask, user);
                person.GetProperty("birthDate").ValueKind.ShouldBe(JsonValueKind.Null, user);
            }

            foreach (var text in new[] { searchJson, recordJson, searchPage, recordPage })
            {
                text.ShouldNotContain("1985-03-12", Case.Sensitive, user);
                text.ShouldNotContain("19850312", Case.Sensitive, user);
                text.ShouldNotContain(Zhang, Case.Sensitive, user);
            }

            recordPage.ShouldContain(expectedMask);
        }

        // The same record, for a role that needs it, still has the date and the full number.
        using var investigator = await host.ClientAsync("investigator");
        var full = await investigator.GetFromJsonAsync<JsonElement>($"/api/v1/persons/{zhang.Id}");
        (full.GetProperty("documentNumber").GetString(), full.GetProperty("birthDate").GetString()).ShouldBe((Zhang, "1985-03-12"));
        (await investigator.GetStringAsync($"/persons/{zhang.Id}")).ShouldContain("1985-03-12");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SearchByNumber_IsRefusedToMaskedRoles_HoweverTheNumberIsWritten_AndEachRefusalIsAudited(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        await PrivacyUsers.AddAsync(host.Database);
        var fullWidth = string.Concat(Zhang.Select(c => (char)(c - '0' + '０')));
        string[] queries = [Zhang, "13904321001", Zhang[..10], fullWidth];

        foreach (var user in PrivacyUsers.MaskedRegisterReaders)
        {
            using var client = await host.ClientAsync(user);
            foreach (var q in queries)
            {
                using var response = await client.GetAsync($"/api/v1/persons?q={Uri.EscapeDataString(q)}");
                response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{user} searching {q}");
                response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
                (await response.Content.ReadAsStringAsync()).ShouldNotContain("张伟");
            }

            using (var page = await client.GetAsync($"/persons?q={Zhang}"))
            {
                page.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
                (await page.Content.ReadAsStringAsync()).ShouldNotContain("张伟");
            }

            (await client.GetFromJsonAsync<JsonElement>("/api/v1/persons?q=张伟")).GetProperty("totalCount").GetInt32().ShouldBe(1);
        }

        await using var db = host.Database.NewContext();
        var refused = await db.AuditLog.Where(a => a.Action == SearchPersons.RefusedAction && a.Entity == nameof(Person)).ToListAsync();
        foreach (var user in PrivacyUsers.MaskedRegisterReaders)
        {
            refused.Count(a => a.UserName == user).ShouldBe(queries.Length + 1, user);
        }

        refused.ShouldContain(a => a.After!.Contains(Zhang));
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task SearchByNumber_ByAFullIdentityRole_IsLimitedPerUser_TheEleventhIs429_AndEverySearchIsAudited(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        using var investigator = await host.ClientAsync("investigator");

        for (var i = 0; i < NumberSearchLimiter.DefaultLimit; i++)
        {
            // Found or not, each answer says something about the number: all of them count and are logged.
            var q = i % 2 == 0 ? Zhang : $"139043299{i:D2}";
            using var allowed = await investigator.GetAsync($"/api/v1/persons?q={q}");
            allowed.StatusCode.ShouldBe(HttpStatusCode.OK, $"search {i + 1}");
        }

        using var eleventh = await investigator.GetAsync("/api/v1/persons?q=13904321002");
        eleventh.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
        eleventh.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await eleventh.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("detail").GetString()!.ShouldContain("至多 10 次");
        (await eleventh.Content.ReadAsStringAsync()).ShouldNotContain("李娜");

        // Searching by name is not limited, and the page refuses the number as the API does.
        (await investigator.GetFromJsonAsync<JsonElement>("/api/v1/persons?q=李娜")).GetProperty("totalCount").GetInt32().ShouldBe(1);
        using var page = await investigator.GetAsync("/persons?q=13904321002");
        page.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);

        // Another user has their own allowance.
        using var other = await host.ClientAsync("county");
        (await other.GetFromJsonAsync<JsonElement>("/api/v1/persons?q=张伟")).GetProperty("totalCount").GetInt32().ShouldBe(1);

        await using var db = host.Database.NewContext();
        var log = await db.AuditLog.Where(a => a.UserName == "investigator" && a.Entity == nameof(Person)).ToListAsync();
        log.Count(a => a.Action == global::Fangkong.Auditing.AuditActions.Search && a.After!.Contains("q=1390432")).ShouldBe(NumberSearchLimiter.DefaultLimit / 2);
        log.Count(a => a.Action == global::Fangkong.Auditing.AuditActions.Search && a.After!.Contains($"q={Zhang}")).ShouldBe(NumberSearchLimiter.DefaultLimit / 2);
        log.Count(a => a.Action == SearchPersons.RefusedAction && a.After!.Contains("13904321002")).ShouldBe(2);
    }
}
