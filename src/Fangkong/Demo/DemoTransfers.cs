using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine;
using Fangkong.Quarantine.HomeMonitoring;
using Fangkong.Quarantine.Stay;
using Fangkong.Quarantine.Transfers;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Demo;

/// <summary>
/// The demo's transfers and releases, in two steps. Before the quarantine demo places the week's
/// people: one case treated in a shelter hospital, released on two tests of Ct ≥ 35 a day apart,
/// now in home health monitoring with daily check-ins, its bed disinfected (turnover measured).
/// After it: today's new close contacts of the latest case (the week's people are placed and
/// checked in by then), placed in free hotel rooms, with three vehicles of 船营区 — one batch
/// delivered and checked in, one on the road, the rest waiting on the end-of-day list. A demo
/// hotel or shelter hospital is opened only when the city has none. Each step runs once.
/// </summary>
public static class DemoTransfers
{
    public const int Contacts = 10;

    /// <summary>Contact numbers of today's demo contacts start with this.</summary>
    public const string ContactPrefix = "MJ-T-";

    public sealed record Report(int Vehicles, int Placed, int CheckedIn, int Waiting, bool CaseReleased);

    public static async Task<Report?> SeedAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (await db.Vehicles.AnyAsync(v => v.Plate == "吉BZ0001", ct))
        {
            return null;
        }

        var now = time.GetUtcNow();
        await NewContactsAsync(db, now, ct);
        var vehicles = new[] { ("吉B·Z0001", 4), ("吉B·Z0002", 4), ("吉B·Z0003", 12) }
            .Select(v => new Vehicle(v.Item1.Replace("·", string.Empty, StringComparison.Ordinal), v.Item2, "司机、押运人员、医护各 1 名", DemoSetup.County)).ToList();
        db.Vehicles.AddRange(vehicles);
        await db.SaveChangesAsync(ct);
        var hotel = await HotelAsync(db, now, ct);

        // The latest close contacts not placed yet, placed in free rooms of the hotel.
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.RegionCode.StartsWith(DemoSetup.County) && c.Kind == ContactKind.Close && c.ReleasedOn == null
                && c.ContactNo.StartsWith(ContactPrefix) && !db.Placements.Any(p => p.ContactId == c.Id))
            .OrderByDescending(c => c.IdentifiedOn).ThenBy(c => c.Id).Take(Contacts).ToListAsync(ct);
        var rooms = await db.QuarantineRooms.Where(r => r.SiteId == hotel.Id && r.State == SpaceState.Available).OrderBy(r => r.Number).Take(contacts.Count).ToListAsync(ct);
        var placed = 0;
        foreach (var (contact, room) in contacts.Zip(rooms))
        {
            var identified = Earlier(At(contact.IdentifiedOn, 8), now.AddHours(-6 + (placed * 0.25)));
            var subject = new PlacementSubject(OccupantKind.CloseContact, null, contact.Id, null, contact.Name, contact.RegionCode, null, identified);
            var placement = Placement.Place(subject, hotel, room, identified.AddHours(1), "demo");
            if (placement.IsSuccess)
            {
                db.Placements.Add(placement.Value!);
                placed++;
            }
        }

        await db.SaveChangesAsync(ct);
        var opened = (await OpenTransfers.HandleAsync(db, time, ct)).Value!.Ids;
        var checkedIn = await DeliverAsync(db, time, vehicles[0], opened.Take(4).ToList(), checkIn: true, ct);
        await DeliverAsync(db, time, vehicles[1], opened.Skip(4).Take(3).ToList(), checkIn: false, ct);
        var waiting = await db.TransferTasks.CountAsync(t => t.State == TransferState.Waiting, ct);
        var released = await db.SpaceTurnovers.AnyAsync(ct);
        return new Report(vehicles.Count, placed, checkedIn, waiting, released);
    }

    /// <summary>The release step (before the quarantine demo's allocation): once, when no turnover exists yet.</summary>
    public static async Task<bool> ReleaseFirstCaseAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        if (await db.SpaceTurnovers.AnyAsync(ct) || await db.Vehicles.AnyAsync(ct))
        {
            return false;
        }

        var now = time.GetUtcNow();
        var vehicle = new Vehicle("吉BZ0009", 4, "司机、医护各 1 名（方舱专线）", DemoSetup.County);
        db.Vehicles.Add(vehicle);
        await db.SaveChangesAsync(ct);
        return await ReleaseCaseAsync(db, time, await ShelterAsync(db, now, ct), now, ct);
    }

    /// <summary>Close contacts identified today of the latest case of 船营区: residents of its community who are neither contacts nor cases.</summary>
    private static async Task NewContactsAsync(FangkongDbContext db, DateTimeOffset now, CancellationToken ct)
    {
        var source = await db.Cases.AsNoTracking().Where(c => c.RegionCode.StartsWith(DemoSetup.County)).OrderByDescending(c => c.ReportedOn).ThenByDescending(c => c.Id).FirstOrDefaultAsync(ct);
        if (source is null)
        {
            return;
        }

        var today = ChinaTime.DayOf(now);
        var policy = await PolicyVersions.InForceAsync(db, source.RegionCode, today, ct);
        if (!policy.IsSuccess)
        {
            return;
        }

        var community = source.RegionCode.Length >= 12 ? source.RegionCode[..12] : source.RegionCode;
        var people = await db.Persons.AsNoTracking()
            .Where(p => p.RegionCode.StartsWith(community) && p.DocumentType == Persons.DocumentType.ResidentId
                && !db.Contacts.Any(c => c.IdNumber == p.DocumentNumber) && !db.Cases.Any(c => c.IdNumber == p.DocumentNumber))
            .OrderBy(p => p.Id).Take(Contacts).ToListAsync(ct);
        var n = 0;
        foreach (var person in people)
        {
            n++;
            var report = new Contact.Report($"{ContactPrefix}{source.CaseNo}-{n}", ContactKind.Close, source.CaseNo, null, person.DocumentNumber, person.Name, person.RegionCode, today.AddDays(-1), today, null);
            if (Contact.Create(report, policy.Value!) is { IsSuccess: true } created)
            {
                db.Contacts.Add(created.Value!);
            }
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>船营区's first open hotel, or a demo one opened for the purpose.</summary>
    private static async Task<QuarantineSite> HotelAsync(FangkongDbContext db, DateTimeOffset now, CancellationToken ct) =>
        await db.QuarantineSites.Where(s => s.RegionCode.StartsWith(DemoSetup.County) && s.Kind == SiteKind.Hotel && s.IsOpen).OrderBy(s => s.Id).FirstOrDefaultAsync(ct)
        ?? await NewSiteAsync(db, "船营区集中隔离点（演示·松江宾馆）", SiteKind.Hotel, 2, 10, now, ct);

    /// <summary>The city's first open shelter hospital, or a demo one opened for the purpose.</summary>
    private static async Task<QuarantineSite> ShelterAsync(FangkongDbContext db, DateTimeOffset now, CancellationToken ct) =>
        await db.QuarantineSites.Where(s => s.RegionCode.StartsWith("2202") && s.Kind == SiteKind.ShelterHospital && s.IsOpen).OrderBy(s => s.Id).FirstOrDefaultAsync(ct)
        ?? await NewSiteAsync(db, "吉林市方舱医院（演示）", SiteKind.ShelterHospital, 1, 20, now, ct);

    private static async Task<QuarantineSite> NewSiteAsync(FangkongDbContext db, string name, SiteKind kind, int sections, int perSection, DateTimeOffset now, CancellationToken ct)
    {
        var site = QuarantineSite.Create(new QuarantineSite.Details(name, kind, "220204003", "吉林市船营区松江中路", 43.84, 126.55, 20, "值班经理", "0432-62000000")).Value!;
        db.QuarantineSites.Add(site);
        await db.SaveChangesAsync(ct);
        for (var s = 1; s <= sections; s++)
        {
            var section = SiteSection.Create(site, s, null).Value!;
            db.SiteSections.Add(section);
            await db.SaveChangesAsync(ct);
            for (var n = 1; n <= perSection; n++)
            {
                var number = $"{s:00}{n:00}";
                if (kind.HasRooms())
                {
                    db.QuarantineRooms.Add(QuarantineRoom.Create(site, section, number, RoomKind.Single, 1, now.AddDays(-30)).Value!);
                }
                else
                {
                    db.HospitalBeds.Add(HospitalBed.Create(site, section, number, now.AddDays(-30)).Value!);
                }
            }
        }

        await db.SaveChangesAsync(ct);
        return site;
    }

    /// <summary>Dispatches the transfers on one vehicle, 2 h after the last identification; picked up 1 h later, arrived 1 h later, checked in 30 min later.</summary>
    private static async Task<int> DeliverAsync(FangkongDbContext db, TimeProvider time, Vehicle vehicle, List<long> ids, bool checkIn, CancellationToken ct)
    {
        if (ids.Count == 0)
        {
            return 0;
        }

        var latest = await db.TransferTasks.Where(t => EF.Parameter(ids).Contains(t.Id)).MaxAsync(t => t.IdentifiedAt, ct);
        var batch = await DispatchBatch.HandleAsync(db, time, new DispatchBatch.Command(vehicle.Id, ids, latest.AddHours(2)), ct);
        if (!batch.IsSuccess)
        {
            return 0;
        }

        await AdvanceBatch.PickUpAsync(db, time, batch.Value!.BatchId, new AdvanceBatch.PickUpCommand([], latest.AddHours(3)), ct);
        if (!checkIn)
        {
            return 0;
        }

        await AdvanceBatch.ArriveAsync(db, time, batch.Value.BatchId, new AdvanceBatch.ArriveCommand(latest.AddHours(4)), ct);
        var done = 0;
        foreach (var id in ids)
        {
            done += (await CheckIn.HandleAsync(db, time, new CheckIn.Command(id, null, latest.AddHours(4.5)), ct)).IsSuccess ? 1 : 0;
        }

        return done;
    }

    /// <summary>An open asymptomatic or mild case reported at least four days ago: bed, check-in, two good tests a day apart, release, monitoring, disinfection.</summary>
    private static async Task<bool> ReleaseCaseAsync(FangkongDbContext db, TimeProvider time, QuarantineSite shelter, DateTimeOffset now, CancellationToken ct)
    {
        var latestDay = ChinaTime.DayOf(now).AddDays(-4);
        var found = await db.Cases.AsNoTracking()
            .Where(c => c.RegionCode.StartsWith(DemoSetup.County) && c.Outcome == null && c.ReportedOn <= latestDay
                && (c.Severity == null || c.Severity == Severity.Mild) && !db.Placements.Any(p => p.CaseId == c.Id))
            .OrderBy(c => c.ReportedOn).FirstOrDefaultAsync(ct);
        var bed = await db.HospitalBeds.Where(b => b.SiteId == shelter.Id && b.State == SpaceState.Available).OrderBy(b => b.Number).FirstOrDefaultAsync(ct);
        if (found is null || bed is null)
        {
            return false;
        }

        var identified = At(found.ReportedOn, 9);
        var subject = new PlacementSubject(OccupantKind.Case, found.PersonId, null, found.Id, found.Name, found.RegionCode, found.Severity, identified);
        var placed = Placement.Place(subject, shelter, bed, identified.AddHours(1), "demo");
        if (!placed.IsSuccess)
        {
            return false;
        }

        db.Placements.Add(placed.Value!);
        await db.SaveChangesAsync(ct);
        var id = placed.Value!.Id;
        var transfer = (await OpenTransfers.HandleAsync(db, time, ct)).Value!.Ids;
        var vehicle = await db.Vehicles.Where(v => v.State == VehicleState.Available).OrderByDescending(v => v.Capacity).FirstOrDefaultAsync(ct);
        if (vehicle is null || transfer.Count == 0 || await DeliverAsync(db, time, vehicle, [.. transfer], checkIn: true, ct) == 0)
        {
            return false;
        }

        await RecordStayTest.HandleAsync(db, time, new RecordStayTest.Command(id, now.AddHours(-50), "positive", 36.2, 37.1), ct);
        await RecordStayTest.HandleAsync(db, time, new RecordStayTest.Command(id, now.AddHours(-26), "positive", 37.5, 38.0), ct);
        var released = await Release.HandleAsync(db, time, new Release.Command(id, now.AddHours(-20)), ct);
        if (!released.IsSuccess)
        {
            return false;
        }

        await Disinfect.HandleAsync(db, time, new Disinfect.Command(null, bed.Id, now.AddHours(-16)), ct);
        if (released.Value!.HomeWatchId is { } watch)
        {
            var first = await db.HomeWatches.AsNoTracking().Where(w => w.Id == watch).Select(w => w.StartsOn).FirstAsync(ct);
            for (var day = first; day <= ChinaTime.DayOf(now).AddDays(-1); day = day.AddDays(1))
            {
                await RecordHomeCheckIn.HandleAsync(db, time, new RecordHomeCheckIn.Command(watch, day, 36.4m, []), ct);
            }
        }

        return true;
    }

    private static DateTimeOffset At(DateOnly day, int hour) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), ChinaTime.Offset).ToUniversalTime();

    private static DateTimeOffset Earlier(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
