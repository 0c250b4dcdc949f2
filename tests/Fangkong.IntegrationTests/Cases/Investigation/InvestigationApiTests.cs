using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Auditing;
using Fangkong.Cases;
using Fangkong.Cases.Investigation;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using W = Fangkong.IntegrationTests.Cases.Investigation.InvestigationWorld;

namespace Fangkong.IntegrationTests.Cases.Investigation;

/// <summary>The investigation endpoints: jurisdiction, permissions, masking, audit, decisions.</summary>
public sealed class InvestigationApiTests
{
    private static readonly string Liu = WebTestData.IdNumberFor(WebTestData.OtherCountyCommunity, "19781120", 5);

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ChuanyingInvestigator_CannotOpenOrReadAChangyiCasesInvestigation_Gets404(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        long changyi;
        await using (var db = host.Database.NewContext())
        {
            var imported = await ImportCases.HandleAsync(db, TimeProvider.System, TempCsv.Write(
                LineListImportTests.Header, $"JL-2,刘洋,{Liu},{WebTestData.OtherCountyCommunity},confirmed,moderate,2022-04-02,,,"));
            imported.IsSuccess.ShouldBeTrue(imported.Error?.Message);
            changyi = await db.Cases.Select(c => c.Id).SingleAsync();
            (await OpenInvestigation.HandleAsync(db, changyi, DateTimeOffset.UtcNow)).IsSuccess.ShouldBeTrue();
        }

        using var investigator = await host.ClientAsync("investigator");

        (await investigator.PostAsync($"/api/v1/cases/{changyi}/investigation", null)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await investigator.GetAsync($"/api/v1/cases/{changyi}/investigation")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await investigator.GetAsync($"/api/v1/cases/{changyi}/investigation/candidates")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await investigator.PostAsJsonAsync($"/api/v1/cases/{changyi}/investigation/submit", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var list = await investigator.GetFromJsonAsync<JsonElement>("/api/v1/investigations");
        list.GetProperty("totalCount").GetInt32().ShouldBe(0);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task RolesWithoutManageCases_Get403OnChanges_RolesWithoutViewCases_Get403OnReads(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var world = await W.SeedAsync(host.Database, new DateOnly(2022, 4, 2));
        using var county = await host.ClientAsync("county");
        using var lab = await host.ClientAsync("lab");
        using var investigator = await host.ClientAsync("investigator");

        (await county.PostAsync($"/api/v1/cases/{world.CaseId}/investigation", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await lab.GetAsync($"/api/v1/cases/{world.CaseId}/investigation")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await lab.GetAsync("/api/v1/investigations")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.PostAsJsonAsync("/api/v1/checkins", new { items = new[] { new { idNumber = W.Id(50), placeId = world.PlaceId, checkedInAt = DateTimeOffset.UtcNow } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await investigator.PostAsync($"/api/v1/cases/{world.CaseId}/investigation", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var candidates = await county.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{world.CaseId}/investigation/candidates");
        var first = candidates.EnumerateArray().First().GetProperty("id").GetInt64();
        (await county.PostAsJsonAsync($"/api/v1/cases/{world.CaseId}/investigation/candidates/{first}/confirm", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.PostAsJsonAsync($"/api/v1/cases/{world.CaseId}/investigation/candidates/{first}/dismiss", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await county.PutAsJsonAsync($"/api/v1/cases/{world.CaseId}/investigation/itinerary", new { stops = Array.Empty<object>() })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task Investigator_WorksTheCandidatesThroughTheApi_IdentitiesMaskedForCountyWorkers_ReadsAudited(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var world = await W.SeedAsync(host.Database, new DateOnly(2022, 4, 2));
        using var county = await host.ClientAsync("county");
        using var investigator = await host.ClientAsync("investigator");

        var opened = await investigator.PostAsync($"/api/v1/cases/{world.CaseId}/investigation", null);
        opened.StatusCode.ShouldBe(HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        var view = await opened.Content.ReadFromJsonAsync<JsonElement>();
        view.GetProperty("caseIdNumber").GetString().ShouldBe(W.Case);
        view.GetProperty("state").GetString().ShouldBe("open");
        view.GetProperty("lookBackDays").GetInt32().ShouldBe(2);
        (await county.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{world.CaseId}/investigation")).GetProperty("caseIdNumber").GetString()
            .ShouldBe($"{W.Case[..6]}********{W.Case[14..17]}*");

        var candidates = (await investigator.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{world.CaseId}/investigation/candidates")).EnumerateArray().ToList();
        var chenLi = candidates.Single(c => c.GetProperty("idNumber").GetString() == W.HouseholdMember);
        chenLi.GetProperty("reasons").EnumerateArray().Select(r => r.GetString()).ShouldBe(["household", "buildingUnit"]);
        var maskedForCounty = (await county.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{world.CaseId}/investigation/candidates")).EnumerateArray()
            .Select(c => c.GetProperty("idNumber").GetString()!).ToList();
        maskedForCounty.ShouldContain($"{W.HouseholdMember[..6]}********{W.HouseholdMember[14..17]}*");
        maskedForCounty.ShouldNotContain(W.HouseholdMember);

        var noReason = await investigator.PostAsJsonAsync($"/api/v1/cases/{world.CaseId}/investigation/candidates/{chenLi.GetProperty("id").GetInt64()}/dismiss", new { reason = "" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        var confirmed = await investigator.PostAsJsonAsync(
            $"/api/v1/cases/{world.CaseId}/investigation/candidates/{chenLi.GetProperty("id").GetInt64()}/confirm", new { identifiedOn = "2022-04-02" });
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        var contactNo = (await confirmed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contactNo").GetString();
        var contacts = await investigator.GetFromJsonAsync<JsonElement>($"/api/v1/contacts?sourceCaseNo={W.CaseNo}");
        contacts.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("contactNo").GetString()).ShouldBe([contactNo]);

        var submitted = await investigator.PostAsync($"/api/v1/cases/{world.CaseId}/investigation/submit", null);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await investigator.PostAsync($"/api/v1/cases/{world.CaseId}/investigation/submit", null)).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var listed = await county.GetFromJsonAsync<JsonElement>("/api/v1/investigations?state=submitted");
        listed.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("caseNo").GetString()).ShouldBe([W.CaseNo]);

        await using var check = host.Database.NewContext();
        (await check.AuditLog.CountAsync(a => a.Action == AuditActions.Search && a.Entity == nameof(Fangkong.Cases.Case) && a.UserName == "county")).ShouldBe(1);
        var reads = await check.AuditLog.Where(a => a.Action == AuditActions.Read && a.Entity == nameof(CaseInvestigation)).Select(a => a.UserName).ToListAsync();
        reads.ShouldContain("county");
        reads.ShouldContain("investigator");
        (await check.AuditLog.CountAsync(a => a.Action == AuditActions.Search && a.Entity == nameof(ContactCandidate) && a.UserName == "county")).ShouldBe(1);
        (await check.AuditLog.CountAsync(a => a.Action == AuditActions.Update && a.Entity == nameof(ContactCandidate) && a.UserName == "investigator")).ShouldBe(1);
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CheckInsApi_AddsScans_AndRefusesABadItemNamingItsPosition(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var world = await W.SeedAsync(host.Database, new DateOnly(2022, 4, 2));
        using var investigator = await host.ClientAsync("investigator");
        var at = new DateTimeOffset(2022, 4, 1, 12, 30, 0, TimeSpan.FromHours(8));

        var bad = await investigator.PostAsJsonAsync("/api/v1/checkins", new
        {
            items = new object[] { new { idNumber = W.Id(50), placeId = world.PlaceId, checkedInAt = at }, new { idNumber = W.Id(51), placeId = 999_999, checkedInAt = at } },
        });
        var good = await investigator.PostAsJsonAsync("/api/v1/checkins", new { items = new[] { new { idNumber = W.Id(50), placeId = world.PlaceId, checkedInAt = at } } });

        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await bad.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("errors").GetProperty("items")[0].GetString()!.ShouldContain("第 2 行");
        good.StatusCode.ShouldBe(HttpStatusCode.OK, await good.Content.ReadAsStringAsync());
        var candidates = await investigator.GetAsync($"/api/v1/cases/{world.CaseId}/investigation/candidates");
        candidates.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await investigator.PostAsync($"/api/v1/cases/{world.CaseId}/investigation", null)).EnsureSuccessStatusCode();
        var proposed = await investigator.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{world.CaseId}/investigation/candidates");
        proposed.EnumerateArray().ShouldContain(c => c.GetProperty("idNumber").GetString() == W.Id(50));
    }
}
