using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Fangkong.Cases;
using Fangkong.Cases.Clusters;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Places;
using Microsoft.EntityFrameworkCore;
using static Fangkong.IntegrationTests.Cases.Clusters.ClusterTestData;

namespace Fangkong.IntegrationTests.Cases.Clusters;

/// <summary>The transmission chain: case → contact → case by identity number, generations, and a chain of hundreds on the page.</summary>
public sealed class ClusterChainTests
{
    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task CaseToCloseContactToCase_GivesTwoGenerations_WithTheContactAsTheLink(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        var zhang = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);
        var li = WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2);
        await CasesAsync(database, ("JL-1", Day0, zhang, WebTestData.Community), ("JL-2", Day0.AddDays(3), li, WebTestData.Community));
        await using (var db = database.NewContext())
        {
            var contacts = await ImportContacts.HandleAsync(db, TempCsv.Write(
                ContactImportTests.Header,
                $"M-1,close,JL-1,,{li},李娜,{WebTestData.Community},{Day0:yyyy-MM-dd},{Day0.AddDays(1):yyyy-MM-dd},",
                $"M-2,close,JL-1,,,某甲,{WebTestData.Community},{Day0:yyyy-MM-dd},{Day0.AddDays(1):yyyy-MM-dd},",
                $"S-1,secondary,,M-1,,某乙,{WebTestData.Community},{Day0.AddDays(1):yyyy-MM-dd},{Day0.AddDays(2):yyyy-MM-dd},"));
            contacts.IsSuccess.ShouldBeTrue(contacts.Error?.Message);
        }

        var home = await PlaceAsync(database, "松江养老院", PlaceKind.NursingHome);
        await LinkAsync(database, "JL-1", home, Day0);
        await LinkAsync(database, "JL-2", home, Day0.AddDays(3));
        await DetectAsync(database, Day0.AddDays(4));

        await using var check = database.NewContext();
        var id = (await check.Clusters.SingleAsync()).Id;
        var chain = (await BuildChain.HandleAsync(check, id)).Value!;

        chain.Generations.ShouldBe([new BuildChain.Generation(0, 1, 2, 1), new BuildChain.Generation(1, 1, 0, 0)]);
        chain.Nodes.Where(n => n.Kind == ChainNodeKind.Case).Select(n => (n.No, n.Generation)).ShouldBe([("JL-1", 0), ("JL-2", 1)]);
        chain.Edges.ShouldContain(new BuildChain.Edge("case:JL-1", "contact:M-1", ChainEdgeKind.CloseContact));
        chain.Edges.ShouldContain(new BuildChain.Edge("contact:M-1", "contact:S-1", ChainEdgeKind.SecondaryContact));
        chain.Edges.ShouldContain(new BuildChain.Edge("contact:M-1", "case:JL-2", ChainEdgeKind.BecameCase));
        chain.Edges.Count(e => e.Kind == ChainEdgeKind.BecameCase).ShouldBe(1);
        var second = chain.Tree.Single(e => e.Case.No == "JL-2");
        (second.ParentCaseNo, second.ViaContactNo).ShouldBe(("JL-1", "M-1"));
        chain.Tree.Single(e => e.Case.No == "JL-1").Contacts.Single(c => c.Contact.No == "M-1").BecameCaseNo.ShouldBe("JL-2");
    }

    [Theory, MemberData(nameof(Providers.Both), MemberType = typeof(Providers))]
    public async Task ChainOfHundredsOfCases_RendersThePageAndTheJson_WithCountsPerGeneration(DatabaseProvider provider)
    {
        await using var host = await WebTestHost.StartAsync(provider);
        var database = host.Database;

        // A tree: every case names three close contacts, each of whom becomes a case in the next generation (1+3+9+27+81+243 = 364).
        const int generations = 6;
        var cases = new List<(string No, DateOnly On, string IdNumber, string Region)>();
        var contacts = new List<string>();
        var sequence = 0;
        string NextId() => WebTestData.IdNumberFor(WebTestData.Community, "19700101", ++sequence);
        cases.Add(("C-0", Day0, NextId(), WebTestData.Community));
        var previous = new List<string> { "C-0" };
        for (var g = 1; g < generations; g++)
        {
            var current = new List<string>();
            foreach (var parent in previous)
            {
                for (var k = 0; k < 3; k++)
                {
                    var no = $"C-{cases.Count}";
                    var idNumber = NextId();
                    var on = Day0.AddDays(2 * g);
                    cases.Add((no, on, idNumber, WebTestData.Community));
                    contacts.Add($"M-{cases.Count},close,{parent},,{idNumber},密接{no},{WebTestData.Community},{on.AddDays(-2):yyyy-MM-dd},{on.AddDays(-1):yyyy-MM-dd},");
                    current.Add(no);
                }
            }

            previous = current;
        }

        await CasesAsync(database, [.. cases]);
        await using (var db = database.NewContext())
        {
            var imported = await ImportContacts.HandleAsync(db, TempCsv.Write([ContactImportTests.Header, .. contacts]));
            imported.IsSuccess.ShouldBeTrue(imported.Error?.Message);
        }

        var factory = await PlaceAsync(database, "吉林化纤厂", PlaceKind.Enterprise);
        await using (var db = database.NewContext())
        {
            var ids = await db.Cases.Select(c => new { c.Id, c.ReportedOn }).ToListAsync();
            var place = await db.Places.SingleAsync(p => p.Id == factory);
            db.CaseLinks.AddRange(ids.Select(c => CaseLink.ToPlace(c.Id, place, c.ReportedOn, LinkSource.Workplace)));
            await db.SaveChangesAsync();
        }

        (await DetectAsync(database, Day0.AddDays(20))).Formed.ShouldBe(1);
        long id;
        await using (var db = database.NewContext())
        {
            id = (await db.Clusters.SingleAsync()).Id;
        }

        using var investigator = await host.ClientAsync("investigator");
        var started = System.Diagnostics.Stopwatch.StartNew();
        using var page = await investigator.GetAsync($"/clusters/{id}");
        var html = await page.Content.ReadAsStringAsync();
        page.StatusCode.ShouldBe(HttpStatusCode.OK, html.Length > 2000 ? html[..2000] : html);
        started.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30));
        html.ShouldContain("data-testid=\"chain\"");
        html.ShouldContain("第 5 代：病例 243 例，密接 0 人，次密接 0 人");
        html.ShouldContain("第 0 代：病例 1 例，密接 3 人，次密接 0 人");
        html.ShouldContain("id=\"case-C-363\"");

        var chain = await investigator.GetFromJsonAsync<JsonElement>($"/api/v1/clusters/{id}/chain");
        chain.GetProperty("generations").EnumerateArray().Select(g => g.GetProperty("cases").GetInt32()).ShouldBe([1, 3, 9, 27, 81, 243]);
        chain.GetProperty("nodes").EnumerateArray().Count(n => n.GetProperty("kind").GetString() == "case").ShouldBe(364);
        chain.GetProperty("edges").EnumerateArray().Count(e => e.GetProperty("kind").GetString() == "becameCase").ShouldBe(363);
        chain.GetProperty("truncated").GetBoolean().ShouldBeFalse();
    }
}
