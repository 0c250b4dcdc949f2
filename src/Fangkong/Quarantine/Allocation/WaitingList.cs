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
        // Read once for the three kinds of waiting people (the page and the situation view open this on every view).
        var placements = await db.Placements.AsNoTracking()
            .Where(p => p.State != PlacementState.Cancelled && (p.ContactId != null || p.CaseId != null || p.Kind == OccupantKind.PositivePoolMember))
            .Select(p => new Held(p.ContactId, p.CaseId, p.Kind == OccupantKind.PositivePoolMember ? p.PersonId : null, p.PlacedAt))
            .ToListAsync(ct);
        var openCases = await OpenCasesAsync(db, ct);
        var waiting = new List<WaitingPerson>();
        waiting.AddRange(await ContactsAsync(db, today, placements, openCases, regions, ct));
        waiting.AddRange(await PoolMembersAsync(db, placements, regions, ct));
        waiting.AddRange(Cases(placements, openCases, regions));
        return waiting;
    }

    /// <summary>A placement that was not cancelled: whom it holds.</summary>
    private sealed record Held(long? ContactId, long? CaseId, long? PoolMemberId, DateTimeOffset PlacedAt);

    private sealed record OpenCase(
        long Id, string CaseNo, string Name, string RegionCode, string IdNumber, Severity? Severity, DateOnly ReportedOn, string? ConvertedFromCaseNo, long? PersonId,
        double? Latitude, double? Longitude);

    /// <summary>Cases without an outcome, with their home's position.</summary>
    private static Task<List<OpenCase>> OpenCasesAsync(FangkongDbContext db, CancellationToken ct) => (
        from c in db.Cases.AsNoTracking()
        where c.Outcome == null
        join p in db.Persons on c.PersonId equals (long?)p.Id into persons
        from p in persons.DefaultIfEmpty()
        join k in db.Compounds on p.CompoundId equals k.Id into compounds
        from k in compounds.DefaultIfEmpty()
        select new OpenCase(
            c.Id, c.CaseNo, c.Name, c.RegionCode, c.IdNumber, c.Severity, c.ReportedOn, c.ConvertedFromCaseNo, c.PersonId,
            (double?)k.Latitude, (double?)k.Longitude)).ToListAsync(ct);

    private static async Task<IEnumerable<WaitingPerson>> ContactsAsync(
        FangkongDbContext db, DateOnly today, List<Held> placements, List<OpenCase> openCases, RegionPoints regions, CancellationToken ct)
    {
        var placed = placements.Where(p => p.ContactId != null).Select(p => p.ContactId!.Value).ToHashSet();
        var activeCases = openCases.Where(c => c.IdNumber != "").Select(c => c.IdNumber).ToHashSet(StringComparer.Ordinal);
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

    private static async Task<IEnumerable<WaitingPerson>> PoolMembersAsync(FangkongDbContext db, List<Held> placements, RegionPoints regions, CancellationToken ct)
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
        var lastPlaced = placements.Where(p => p.PoolMemberId != null).GroupBy(p => p.PoolMemberId!.Value).ToDictionary(g => g.Key, g => g.Max(p => p.PlacedAt));
        return rows
            .Where(r => r.ControlOrderId is not { } order || !ended.Contains(order))
            .Where(r => !lastPlaced.TryGetValue(r.PersonId, out var at) || at < r.DecidedAt)
            .DistinctBy(r => r.PersonId)
            .Select(r => new WaitingPerson(
                new PlacementSubject(OccupantKind.PositivePoolMember, r.PersonId, null, null, r.Name, r.RegionCode, null, r.DecidedAt),
                Point(r.Latitude, r.Longitude) ?? regions.Find(r.RegionCode)));
    }

    private static IEnumerable<WaitingPerson> Cases(List<Held> placements, List<OpenCase> rows, RegionPoints regions)
    {
        var placed = placements.Where(p => p.CaseId != null).Select(p => p.CaseId!.Value).ToHashSet();

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
