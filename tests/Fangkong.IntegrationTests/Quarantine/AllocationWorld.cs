using Fangkong.Cases;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Fangkong.Quarantine;
using Fangkong.Quarantine.Allocation;
using Fangkong.Residences;
using Microsoft.EntityFrameworkCore;
using Case = Fangkong.Cases.Case;

namespace Fangkong.IntegrationTests.Quarantine;

/// <summary>People, contacts, cases and pool decisions for allocation tests, with homes at given positions.</summary>
internal sealed class AllocationWorld(FangkongDbContext db)
{
    /// <summary>The tests' "now": 2022-03-20 10:00 in China, under the 8th edition (secondary contacts central).</summary>
    public static readonly DateTimeOffset Now = new(2022, 3, 20, 10, 0, 0, TimeSpan.FromHours(8));

    public static readonly DateOnly Today = new(2022, 3, 20);

    public static readonly TimeProvider Clock = Clocks.At(Now);

    private int _sequence;

    /// <summary>A resident whose compound is at (lat, lon); null position = no compound position.</summary>
    public async Task<Person> PersonAsync(string region = "220204003001", double? lat = 43.85, double? lon = 126.56)
    {
        var n = ++_sequence;
        var compound = new Compound(region, $"小区{n}-{Guid.NewGuid():N}");
        if (lat is { } la && lon is { } lo)
        {
            compound.Locate(la, lo);
        }

        db.Compounds.Add(compound);
        await db.SaveChangesAsync();
        var person = new Person(DocumentType.ResidentId, $"P{Guid.NewGuid():N}"[..18], $"居民{n}", region) { CompoundId = compound.Id, UpdatedAt = Now.ToUniversalTime() };
        db.Persons.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    public async Task<Contact> ContactAsync(Person person, ContactKind kind = ContactKind.Close, DateOnly? identifiedOn = null, string policy = PolicyVersions.Eighth, DateOnly? releasedOn = null)
    {
        var version = await db.PolicyVersions.AsNoTracking().SingleAsync(v => v.Code == policy);
        var n = ++_sequence;
        var report = new Contact.Report(
            $"MJ{n:D4}-{Guid.NewGuid():N}"[..20], kind, kind == ContactKind.Close ? "JL-0" : null, kind == ContactKind.Secondary ? "MJ-SRC" : null,
            person.DocumentNumber, person.Name, person.RegionCode, null, identifiedOn ?? Today.AddDays(-1), releasedOn);
        var contact = Contact.Create(report, version).Value!;
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact;
    }

    public async Task<Case> CaseAsync(Person person, Severity? severity)
    {
        var n = ++_sequence;
        var report = new Case.Report(
            $"JL-{n}-{Guid.NewGuid():N}"[..20], person.Name, person.DocumentNumber, person.RegionCode, severity is null ? CaseType.Asymptomatic : CaseType.Confirmed, severity,
            Today.AddDays(-1), CaseSource.LineList, null, person.Id);
        var created = Case.Create(report).Value!;
        db.Cases.Add(created);
        await db.SaveChangesAsync();
        return created;
    }

    public async Task<CentralQuarantineDecision> PoolMemberAsync(Person person, long? controlOrderId = null)
    {
        var decision = new CentralQuarantineDecision(person.Id, controlOrderId, person.RegionCode, "command", Now.AddHours(-2), null);
        db.CentralQuarantineDecisions.Add(decision);
        await db.SaveChangesAsync();
        return decision;
    }

    public async Task DeclareAsync(OccupantKind kind, long dependantKey, long carerKey, string region = "220204003001")
    {
        db.DependantDeclarations.Add(DependantDeclaration.Create(kind, dependantKey, carerKey, region, DependantReason.Child, "test", Now).Value!);
        await db.SaveChangesAsync();
    }

    public static async Task<RunAllocation.Outcome> RunAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        var result = await RunAllocation.HandleAsync(db, Clock);
        result.IsSuccess.ShouldBeTrue(result.Error?.Message);
        return result.Value!;
    }

    public static async Task<IReadOnlyList<string>> ViolationsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        return await PlacementChecker.CheckAsync(db);
    }
}
