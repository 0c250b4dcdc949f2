using Fangkong.Access;
using Fangkong.Cases;
using Case = Fangkong.Cases.Case;
using Fangkong.Data;
using Fangkong.IntegrationTests.Infrastructure;
using Fangkong.Persons;
using Fangkong.Quarantine;
using Fangkong.Quarantine.Transfers;
using Fangkong.Regions;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.IntegrationTests.Quarantine.Transfers;

/// <summary>
/// What the transfer, stay and home-monitoring tests add to <see cref="WebTestData"/>: 长春市 (for
/// cross-city transfers), close contacts of 船营区 under the 8th edition, a hotel with rooms,
/// placements, a vehicle, and the users of the flow (dispatcher, site staff, city).
/// </summary>
public static class FlowWorld
{
    /// <summary>Day 1 of the contacts' quarantine (identification), 2022-03-20 in China.</summary>
    public static readonly DateOnly Day1 = new(2022, 3, 20);

    /// <summary>08:00 China time on day 1: the moment of identification.</summary>
    public static readonly DateTimeOffset T0 = new(2022, 3, 20, 8, 0, 0, TimeSpan.FromHours(8));

    public static readonly string Zhang = WebTestData.IdNumberFor(WebTestData.Community, "19850312", 1);
    public static readonly string Li = WebTestData.IdNumberFor(WebTestData.Community, "19900704", 2);
    public static readonly string Wang = WebTestData.IdNumberFor(WebTestData.OtherCommunity, "19620101", 4);
    public static readonly string Liu = WebTestData.IdNumberFor(WebTestData.OtherCountyCommunity, "19781120", 5);

    public const string Changchun = "2201";
    public const string Nanguan = "220102";

    /// <summary>User name → (role, region), on top of <see cref="WebTestData.Users"/>.</summary>
    public static IReadOnlyDictionary<string, (string Role, string Region)> Users { get; } = new Dictionary<string, (string, string)>
    {
        ["dispatcher"] = (Roles.Dispatcher, WebTestData.County),
        ["changyi-dispatcher"] = (Roles.Dispatcher, WebTestData.OtherCounty),
        ["site"] = (Roles.QuarantineStaff, "2202"),
        ["city"] = (Roles.CommandCentre, "2202"),
    };

    public static async Task AddUsersAsync(TestDatabase database)
    {
        await TestUsers.AddAsync(database.Settings, Users);
    }

    /// <summary>Seeds the web test data, 长春市, and returns a fresh database.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        await WebTestData.SeedAsync(database);
        await AddRegionsAsync(database);
        return database;
    }

    public static async Task AddRegionsAsync(TestDatabase database)
    {
        await using var db = database.NewContext();
        db.Regions.Add(new Region(RegionCode.Parse(Changchun), "长春市"));
        db.Regions.Add(new Region(RegionCode.Parse(Nanguan), "南关区"));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// A contact identified on <paramref name="identifiedOn"/>, under the plan then in force, last
    /// exposed on <paramref name="exposedOn"/> (by default the same day, so that day is day 1 of its quarantine).
    /// </summary>
    public static async Task<Contact> ContactAsync(
        FangkongDbContext db, string contactNo, string idNumber, string name, string region, ContactKind kind = ContactKind.Close, DateOnly? identifiedOn = null,
        DateOnly? exposedOn = null)
    {
        var on = identifiedOn ?? Day1;
        var policy = (await PolicyVersions.InForceAsync(db, region, on)).Value!;
        var report = new Contact.Report(
            contactNo, kind, kind == ContactKind.Close ? "JL-1" : null, kind == ContactKind.Secondary ? "MJ-0" : null, idNumber, name, region, exposedOn ?? on, on, null);
        var contact = Contact.Create(report, policy).Value!;
        db.Contacts.Add(contact);
        await db.SaveChangesAsync();
        return contact;
    }

    public static async Task<Case> CaseAsync(FangkongDbContext db, string caseNo, string idNumber, string name, string region, Severity? severity)
    {
        var person = await db.Persons.FirstOrDefaultAsync(p => p.DocumentNumber == idNumber);
        var created = Case.Create(new Case.Report(
            caseNo, name, idNumber, region, severity is null ? CaseType.Asymptomatic : CaseType.Confirmed, severity, Day1, CaseSource.LineList, null, person?.Id)).Value!;
        db.Cases.Add(created);
        await db.SaveChangesAsync();
        return created;
    }

    /// <summary>Places a contact in the first available room of <paramref name="site"/> at T0 + 1 h.</summary>
    public static async Task<Placement> PlaceContactAsync(FangkongDbContext db, QuarantineSite site, Contact contact)
    {
        var room = await db.QuarantineRooms.Where(r => r.SiteId == site.Id && r.State == SpaceState.Available).OrderBy(r => r.Number).FirstAsync();
        var kind = contact.Kind == ContactKind.Close ? OccupantKind.CloseContact : OccupantKind.SecondaryContact;
        var subject = new PlacementSubject(kind, null, contact.Id, null, contact.Name, contact.RegionCode, null, T0);
        var placement = Placement.Place(subject, site, room, T0.AddHours(1), "test").Value!;
        db.Placements.Add(placement);
        await db.SaveChangesAsync();
        return placement;
    }

    public static async Task<Placement> PlaceCaseAsync(FangkongDbContext db, QuarantineSite site, Case found)
    {
        var bed = await db.HospitalBeds.Where(r => r.SiteId == site.Id && r.State == SpaceState.Available).OrderBy(r => r.Number).FirstAsync();
        var subject = new PlacementSubject(OccupantKind.Case, found.PersonId, null, found.Id, found.Name, found.RegionCode, found.Severity, T0);
        var placement = Placement.Place(subject, site, bed, T0.AddHours(1), "test").Value!;
        db.Placements.Add(placement);
        await db.SaveChangesAsync();
        return placement;
    }

    public static async Task<Vehicle> VehicleAsync(FangkongDbContext db, string plate, int capacity, string region = WebTestData.County)
    {
        var vehicle = new Vehicle(plate, capacity, "司机 王师傅；医护 李护士", region);
        db.Vehicles.Add(vehicle);
        await db.SaveChangesAsync();
        return vehicle;
    }

    /// <summary>A transfer arrived at the site: opened, dispatched alone at T0+2h, picked up at +3h, arrived at +4h.</summary>
    public static async Task<TransferTask> ArrivedAsync(FangkongDbContext db, Placement placement, Vehicle vehicle)
    {
        var time = TimeProvider.System;
        (await OpenTransfers.HandleAsync(db, time)).IsSuccess.ShouldBeTrue();
        var task = await db.TransferTasks.AsNoTracking().SingleAsync(t => t.PlacementId == placement.Id);
        var batch = await DispatchBatch.HandleAsync(db, time, new DispatchBatch.Command(vehicle.Id, [task.Id], T0.AddHours(2)));
        batch.IsSuccess.ShouldBeTrue(batch.Error?.Message);
        (await AdvanceBatch.PickUpAsync(db, time, batch.Value!.BatchId, new AdvanceBatch.PickUpCommand([], T0.AddHours(3)))).IsSuccess.ShouldBeTrue();
        (await AdvanceBatch.ArriveAsync(db, time, batch.Value.BatchId, new AdvanceBatch.ArriveCommand(T0.AddHours(4)))).IsSuccess.ShouldBeTrue();
        return await db.TransferTasks.AsNoTracking().SingleAsync(t => t.Id == task.Id);
    }

    public static Jurisdiction As(string region, bool full = false) => new($"user-{region}", region, full);
}
