using System.Globalization;
using Fangkong.Access;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine.HomeMonitoring;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Stay;

/// <summary>
/// One person's way from identification to release (全流程时间轴): identified, placed, each
/// transfer step, check-in, each test, release, room disinfected, home monitoring; with the
/// hours from identification to check-in (the 即查即转 clock). The read is audited.
/// </summary>
public static class PersonTimeline
{
    public sealed record Event(DateTimeOffset At, string Step, string Detail);

    public sealed record Timeline(
        long PlacementId, string Name, string IdNumber, OccupantKind Kind, PlacementState State, string Site, double? HoursToCheckIn, IReadOnlyList<Event> Events);

    public static async Task<Result<Timeline>> HandleAsync(FangkongDbContext db, long placementId, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var p = await db.Placements.AsNoTracking().FirstOrDefaultAsync(x => x.Id == placementId, ct);
        if (p is null)
        {
            return StayRecords.PlacementNotFound(placementId);
        }

        var subject = await StayRecords.SubjectAsync(db, p, ct);
        // A site's name is not personal data, and the site may lie outside the home county.
        var site = await db.QuarantineSites.BypassJurisdiction(BypassReason.ReferenceName).AsNoTracking().Where(s => s.Id == p.SiteId).Select(s => s.Name).FirstOrDefaultAsync(ct) ?? "—";
        var events = new List<Event>
        {
            new(p.IdentifiedAt, "identified", subject.Contact is { } c ? $"{c.Kind} {c.ContactNo}" : subject.Case is { } k ? $"{k.Type} {k.CaseNo}" : p.Kind.ToString()),
            new(p.PlacedAt, "placed", site),
        };
        var transfers = await db.TransferTasks.AsNoTracking().Where(t => t.PlacementId == p.Id).OrderBy(t => t.Id).ToListAsync(ct);
        foreach (var t in transfers)
        {
            AddIf(events, t.DispatchedAt, "dispatched", string.Create(CultureInfo.InvariantCulture, $"batch {t.BatchId}"));
            AddIf(events, t.PickedUpAt, "pickedUp", t.FromAddress);
            AddIf(events, t.ArrivedAt, "arrived", t.SiteName);
        }

        AddIf(events, p.CheckedInAt, "checkedIn", site);
        var tests = await db.StayTests.AsNoTracking().Where(t => t.PlacementId == p.Id && t.TakenAt != null).ToListAsync(ct);
        foreach (var t in tests)
        {
            var ct2 = t.CtN is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" Ct N {t.CtN} ORF {t.CtOrf}");
            events.Add(new Event(t.TakenAt!.Value, "tested", string.Create(CultureInfo.InvariantCulture, $"D{t.DayNumber} {t.Result}{ct2}")));
        }

        AddIf(events, p.ReleasedAt, p.State == PlacementState.Released ? "released" : "ended", p.EndReason ?? string.Empty);
        var turnover = await db.SpaceTurnovers.AsNoTracking().Where(t => t.PlacementId == p.Id).FirstOrDefaultAsync(ct);
        AddIf(events, turnover?.AvailableAt, "disinfected", turnover?.SpaceNumber ?? string.Empty);
        if (subject.IdNumber.Length > 0)
        {
            var watches = await db.HomeWatches.AsNoTracking().Where(w => w.IdNumber == subject.IdNumber && w.Kind == HomeWatchKind.HealthMonitoring).ToListAsync(ct);
            foreach (var w in watches)
            {
                // Monitoring that starts on the release day starts at the release, not at midnight before it.
                var start = new DateTimeOffset(w.StartsOn.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset);
                var from = p.ReleasedAt is { } r && r > start ? r : start;
                events.Add(new Event(from, "homeMonitoring", $"{w.StartsOn:yyyy-MM-dd} – {w.EndsOn:yyyy-MM-dd}"));
            }
        }

        await db.AuditReadAsync(nameof(Placement), p.Id.ToString(CultureInfo.InvariantCulture), p.RegionCode, ct);
        var id = db.Jurisdiction.SeesFullIdentity ? subject.IdNumber : Masking.IdNumber(subject.IdNumber);
        var hours = p.CheckedInAt is { } at ? Math.Round((at - p.IdentifiedAt).TotalHours, 1) : (double?)null;
        return new Timeline(p.Id, p.Name, id, p.Kind, p.State, site, hours, [.. events.OrderBy(e => e.At)]);
    }

    private static void AddIf(List<Event> events, DateTimeOffset? at, string step, string detail)
    {
        if (at is { } value)
        {
            events.Add(new Event(value, step, detail));
        }
    }
}
