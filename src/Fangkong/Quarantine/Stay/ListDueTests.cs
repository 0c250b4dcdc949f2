using System.Globalization;
using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Stay;

/// <summary>
/// The site staff's sampling list for a day (今日应检): every scheduled test due that day (and
/// earlier ones still without a result) of people checked in, by site and room, with whether it
/// is done. Audited as a list of people.
/// </summary>
public static class ListDueTests
{
    public sealed record Row(long TestId, long PlacementId, string Name, string Site, string Room, DateOnly DueOn, int DayNumber, bool Overdue, StayTestResult? Result, DateTimeOffset? TakenAt);

    public sealed record Listing(DateOnly Day, int Due, int Done, IReadOnlyList<Row> Tests);

    public static async Task<Result<Listing>> HandleAsync(FangkongDbContext db, TimeProvider time, DateOnly? day, long? siteId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var the = day ?? ChinaTime.Today(time);
        var tests = db.StayTests.AsNoTracking().Where(t => t.Scheduled && (t.DueOn == the || (t.DueOn < the && t.Result == null)));
        if (siteId is { } site)
        {
            tests = tests.Where(t => t.SiteId == site);
        }

        var list = await tests.OrderBy(t => t.SiteId).ThenBy(t => t.DueOn).Take(2_000).ToListAsync(ct);
        var placementIds = list.Select(t => t.PlacementId).Distinct().ToList();
        var placements = await db.Placements.AsNoTracking().Where(p => EF.Parameter(placementIds).Contains(p.Id) && p.State == PlacementState.CheckedIn).ToDictionaryAsync(p => p.Id, ct);
        var siteIds = placements.Values.Select(p => p.SiteId).Distinct().ToList();
        // Names of sites and rooms are not personal data; a site may lie in another county than the person's home.
        var sites = await db.QuarantineSites.BypassJurisdiction(BypassReason.ReferenceName).AsNoTracking().Where(s => EF.Parameter(siteIds).Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var roomIds = placements.Values.Where(p => p.RoomId != null).Select(p => p.RoomId!.Value).ToList();
        var bedIds = placements.Values.Where(p => p.BedId != null).Select(p => p.BedId!.Value).ToList();
        var rooms = await db.QuarantineRooms.BypassJurisdiction(BypassReason.ReferenceName).AsNoTracking().Where(r => EF.Parameter(roomIds).Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Number, ct);
        var beds = await db.HospitalBeds.BypassJurisdiction(BypassReason.ReferenceName).AsNoTracking().Where(r => EF.Parameter(bedIds).Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Number, ct);
        var rows = list.Where(t => placements.ContainsKey(t.PlacementId)).Select(t =>
        {
            var p = placements[t.PlacementId];
            var room = p.RoomId is { } r ? rooms.GetValueOrDefault(r, "—") : p.BedId is { } b ? beds.GetValueOrDefault(b, "—") : "—";
            return new Row(t.Id, p.Id, p.Name, sites.GetValueOrDefault(p.SiteId, "—"), room, t.DueOn, t.DayNumber, t.DueOn < the && t.Result is null, t.Result, t.TakenAt);
        }).ToList();
        if (rows.Count > 0)
        {
            await db.AuditSearchAsync(nameof(StayTest), string.Create(CultureInfo.InvariantCulture, $"due={the:yyyy-MM-dd};site={siteId}"), [.. rows.Select(r => r.PlacementId).Distinct()], null, ct);
        }

        return new Listing(the, rows.Count, rows.Count(r => r.Result is not null), rows);
    }
}
