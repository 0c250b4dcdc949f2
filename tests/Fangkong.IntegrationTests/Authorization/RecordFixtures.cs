using Fangkong.Cases.Investigation;
using Fangkong.Data;
using Fangkong.Demo;
using Fangkong.Testing;
using Fangkong.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Authorization;

/// <summary>
/// The records the id-route suite calls: every step of the demo on a small population (records of
/// every kind, all in 船营区), plus what the demo does not make (an investigation with a contact
/// candidate). Each record is inside the jurisdiction of the suite's 船营区 users and outside that
/// of its 昌邑区 users, who hold the same roles: one record per kind gives both calls.
/// </summary>
internal static class RecordFixtures
{
    /// <summary>船营区: the demo's county, where every fixture lives.</summary>
    public const string Inside = DemoSetup.County;

    /// <summary>昌邑区, the neighbouring county: none of the fixtures is in it.</summary>
    public const string Outside = "220202";

    public static async Task SeedAsync(TestDatabase database)
    {
        await DemoGround.SeedAsync(database);
        await DemoGround.SeedLaterStepsAsync(database, withUsers: true);
        await using var db = database.NewContext();
        await AddInvestigationWithACandidateAsync(db);
        await ExemptTheFixturePersonAsync(db);
        await AddARequestWithATripAsync(db);
    }

    /// <summary>A medical-care request in a community of the county, with its trip to hospital (issue 18).</summary>
    private static async Task AddARequestWithATripAsync(FangkongDbContext db)
    {
        var community = await db.Regions.AsNoTracking()
            .Where(r => r.Code.StartsWith(Inside) && r.Level == global::Fangkong.Regions.RegionLevel.Community).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync();
        var time = TimeProvider.System;
        var received = await global::Fangkong.Livelihood.Requests.ReceiveRequest.HandleAsync(db, time, new global::Fangkong.Livelihood.LivelihoodOptions(),
            global::Fangkong.Livelihood.Requests.RequestSource.Staff,
            new global::Fangkong.Livelihood.Requests.RequestDraft("MedicalCare", null, "授权套件", "13900001111", "套件地址", "透析", RegionCode: community));
        var trip = await global::Fangkong.Livelihood.Medical.OpenMedicalTrip.HandleAsync(db, time,
            new(received.Value!.Id, global::Fangkong.Livelihood.Medical.MedicalNeed.Dialysis, "授权套件医院"));
        trip.IsSuccess.ShouldBeTrue(trip.Error?.Message);
    }

    /// <summary>Resolves every kind to the id of its record; a kind with none is listed, not guessed.</summary>
    public static async Task<(Dictionary<RecordKinds.Kind, long> Ids, List<string> Missing)> FindAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var ids = new Dictionary<RecordKinds.Kind, long>();
        var missing = new List<string>();
        foreach (var kind in RecordKinds.ByRoute.Values.Distinct())
        {
            if (await kind.Find(db) is { } id)
            {
                ids[kind] = id;
            }
            else
            {
                missing.Add(kind.Name);
            }
        }

        return (ids, missing);
    }

    private static async Task AddInvestigationWithACandidateAsync(FangkongDbContext db)
    {
        var now = DateTimeOffset.UtcNow;
        var first = await db.Cases.AsNoTracking().Where(c => c.RegionCode.StartsWith(Inside)).OrderBy(c => c.Id).FirstAsync();
        var opened = await OpenInvestigation.HandleAsync(db, first.Id, now);
        opened.IsSuccess.ShouldBeTrue(opened.Error?.Message);
        var contact = await db.Persons.AsNoTracking()
            .Where(p => p.RegionCode.StartsWith(Inside) && p.Id != first.PersonId).OrderBy(p => p.Id).FirstAsync();
        // Decided already: the candidates list re-proposes from the evidence and withdraws a
        // proposed candidate that none supports; a decided one stays (confirming it again is a 409).
        var candidate = new ContactCandidate(opened.Value!, contact.Id, contact.DocumentNumber, contact.Name, contact.RegionCode, now);
        candidate.Dismiss("授权套件", "suite", now).IsSuccess.ShouldBeTrue();
        db.ContactCandidates.Add(candidate);
        await db.SaveChangesAsync();
    }

    /// <summary>The exemption that DELETE …/exemptions/{personId} removes: the fixture person's, in the fixture round.</summary>
    private static async Task ExemptTheFixturePersonAsync(FangkongDbContext db)
    {
        var round = (await RecordKinds.ByRoute["/api/v1/testing/rounds/{id}"].Find(db))!.Value;
        var personId = (await RecordKinds.ByRoute["/api/v1/testing/rounds/{id}/exemptions/{personId}"].Find(db))!.Value;
        if (!await db.RoundExemptions.AnyAsync(e => e.RoundId == round && e.PersonId == personId))
        {
            var region = await db.Persons.Where(p => p.Id == personId).Select(p => p.RegionCode).SingleAsync();
            db.RoundExemptions.Add(new RoundExemption(round, personId, region, ExemptionKind.Quarantine, "授权套件", "suite", DateTimeOffset.UtcNow));
            await db.SaveChangesAsync();
        }
    }
}
