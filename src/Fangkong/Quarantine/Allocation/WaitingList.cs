using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Allocation;

/// <summary>
/// Who is waiting for central quarantine or a bed, read set-based (a handful of queries whatever
/// the number of people), within the caller's jurisdiction:
/// close contacts, and secondary contacts whose order says central, whose central period has not
/// ended; pool members the command centre sent to central quarantine; cases without an outcome.
/// Anyone with a placement that was not cancelled is not waiting (a placed person is never
/// placed again), and a contact who is now a case waits as the case, not as a contact.
/// Home: the person's compound position, else the nearest region up the code with one.
/// </summary>
public static class WaitingList
{
    public static async Task<IReadOnlyList<WaitingPerson>> ReadAsync(FangkongDbContext db, DateOnly today, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var regions = await RegionPoints.ReadAsync(db, ct);
        var waiting = new List<WaitingPerson>();
        waiting.AddRange(await ContactsAsync(db, today, regions, ct));
        waiting.AddRange(await PoolMembersAsync(db, regions, ct));
        waiting.AddRange(await CasesAsync(db, regions, ct));
        return waiting;
    }

    private static async Task<IEnumerable<WaitingPerson>> ContactsAsync(FangkongDbContext db, DateOnly today, RegionPoints regions, CancellationToken ct)
    {
        var placed = (await db.Placements.AsNoTracking()
            .Where(p => p.ContactId != null && p.State != PlacementState.Cancelled)
            .Select(p => p.ContactId!.Value).ToListAsync(ct)).ToHashSet();
        var activeCases = (await db.Cases.AsNoTracking().Where(c => c.Outcome == null && c.IdNumber != "")
            .Select(c => c.IdNumber).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var earliest = today.AddDays(-60);
        var rows = await (
            from c in db.Contacts.AsNoTracking()
            where c.ReleasedOn == null && c.IdentifiedOn >= earliest
                && (c.Kind == ContactKind.Close || c.QuarantinePlace == QuarantinePlace.Central)
            join p in db.Persons on c.IdNumber equals p.DocumentNumber into persons
            from p in persons.DefaultIfEmpty()
            join k in db.Compounds on p.CompoundId equals k.Id into compounds
            from k in compounds.DefaultIfEmpty()
            select new
            {
                c.Id, c.Kind, c.Name, c.RegionCode, c.IdNumber, c.ExposureOn, c.IdentifiedOn, c.CentralDays,
                PersonId = (long?)p.Id, Latitude = (double?)k.Latitude, Longitude = (double?)k.Longitude,
            }).ToListAsync(ct);
        return rows
            // Waiting only while the central phase, counted from the last exposure, is not over.
            .Where(r => !placed.Contains(r.Id) && QuarantineCalendar.DayOneOf(r.ExposureOn, r.IdentifiedOn).AddDays(Math.Max(r.CentralDays, 1)) > today
                && !activeCases.Contains(r.IdNumber))
            .DistinctBy(r => r.Id)
            .Select(r => new WaitingPerson(
                new PlacementSubject(
                    r.Kind == ContactKind.Close ? OccupantKind.CloseContact : OccupantKind.SecondaryContact,
                    r.PersonId, r.Id, null, r.Name, r.RegionCode, null, StartOf(r.IdentifiedOn)),
                Point(r.Latitude, r.Longitude) ?? regions.Find(r.RegionCode)));
    }

    private static async Task<IEnumerable<WaitingPerson>> PoolMembersAsync(FangkongDbContext db, RegionPoints regions, CancellationToken ct)
    {
        var rows = await (
            from d in db.CentralQuarantineDecisions.AsNoTracking()
            where d.WithdrawnAt == null
            join p in db.Persons on d.PersonId equals p.Id
            join k in db.Compounds on p.CompoundId equals k.Id into compounds
            from k in compounds.DefaultIfEmpty()
            select new { d.PersonId, d.DecidedAt, d.ControlOrderId, p.Name, p.RegionCode, Latitude = (double?)k.Latitude, Longitude = (double?)k.Longitude })
            .ToListAsync(ct);
        if (rows.Count == 0)
        {
            return [];
        }

        var orderIds = rows.Where(r => r.ControlOrderId != null).Select(r => r.ControlOrderId!.Value).ToList();
        var ended = (await db.ControlOrders.AsNoTracking().Where(o => EF.Parameter(orderIds).Contains(o.Id) && o.EndedAt != null)
            .Select(o => o.Id).ToListAsync(ct)).ToHashSet();
        var placements = await db.Placements.AsNoTracking()
            .Where(p => p.Kind == OccupantKind.PositivePoolMember && p.State != PlacementState.Cancelled)
            .Select(p => new { PersonId = p.PersonId!.Value, p.PlacedAt }).ToListAsync(ct);
        var lastPlaced = placements.GroupBy(p => p.PersonId).ToDictionary(g => g.Key, g => g.Max(p => p.PlacedAt));
        return rows
            .Where(r => r.ControlOrderId is not { } order || !ended.Contains(order))
            .Where(r => !lastPlaced.TryGetValue(r.PersonId, out var at) || at < r.DecidedAt)
            .DistinctBy(r => r.PersonId)
            .Select(r => new WaitingPerson(
                new PlacementSubject(OccupantKind.PositivePoolMember, r.PersonId, null, null, r.Name, r.RegionCode, null, r.DecidedAt),
                Point(r.Latitude, r.Longitude) ?? regions.Find(r.RegionCode)));
    }

    private static async Task<IEnumerable<WaitingPerson>> CasesAsync(FangkongDbContext db, RegionPoints regions, CancellationToken ct)
    {
        var placed = (await db.Placements.AsNoTracking()
            .Where(p => p.CaseId != null && p.State != PlacementState.Cancelled)
            .Select(p => p.CaseId!.Value).ToListAsync(ct)).ToHashSet();
        var rows = await (
            from c in db.Cases.AsNoTracking()
            where c.Outcome == null
            join p in db.Persons on c.PersonId equals (long?)p.Id into persons
            from p in persons.DefaultIfEmpty()
            join k in db.Compounds on p.CompoundId equals k.Id into compounds
            from k in compounds.DefaultIfEmpty()
            select new
            {
                c.Id, c.CaseNo, c.Name, c.RegionCode, c.Severity, c.ReportedOn, c.ConvertedFromCaseNo, c.PersonId,
                Latitude = (double?)k.Latitude, Longitude = (double?)k.Longitude,
            }).ToListAsync(ct);

        // A conversion is one person: the asymptomatic record it converts is not placed again, and
        // a confirmed record whose asymptomatic one is already placed stays where it is (a move by
        // severity is a transfer, with its reason, not an allocation).
        var converted = rows.Where(r => r.ConvertedFromCaseNo != null).Select(r => r.ConvertedFromCaseNo!).ToHashSet(StringComparer.Ordinal);
        var placedCaseNos = rows.Where(r => placed.Contains(r.Id)).Select(r => r.CaseNo).ToHashSet(StringComparer.Ordinal);
        return rows
            .Where(r => !placed.Contains(r.Id) && !converted.Contains(r.CaseNo))
            .Where(r => r.ConvertedFromCaseNo is not { } from || !placedCaseNos.Contains(from))
            .DistinctBy(r => r.Id)
            .Select(r => new WaitingPerson(
                new PlacementSubject(OccupantKind.Case, r.PersonId, null, r.Id, r.Name, r.RegionCode, r.Severity, StartOf(r.ReportedOn)),
                Point(r.Latitude, r.Longitude) ?? regions.Find(r.RegionCode)));
    }

    private static GeoPoint? Point(double? latitude, double? longitude) =>
        latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : null;

    private static DateTimeOffset StartOf(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
}
