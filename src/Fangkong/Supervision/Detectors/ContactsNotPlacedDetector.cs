using System.Globalization;
using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Supervision.Findings;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Supervision.Detectors;

/// <summary>
/// 密接未及时管控: contacts not placed within <c>Hours</c> (default 12) — central-order contacts
/// without a placement (room or bed), home-order contacts without a home watch. The register keeps
/// only the day a contact was identified, so the clock starts at <c>StartHour</c> (default 0, the
/// day's start, as the allocation's waiting list reads it) of that day, China time. One finding
/// per community and day. Looks back <c>LookbackDays</c> (default 7).
/// </summary>
public sealed class ContactsNotPlacedDetector : IFindingDetector
{
    public const string DetectorKey = "contacts-not-placed";

    public string Key => DetectorKey;

    public string Title => "密接人员未及时管控";

    public TimeSpan DefaultInterval => TimeSpan.FromMinutes(30);

    private static readonly DetectorParameter HoursParameter = new("Hours", 12, 1, 96);
    private static readonly DetectorParameter StartHourParameter = new("StartHour", 0, 0, 23.99);
    private static readonly DetectorParameter LookbackDaysParameter = new("LookbackDays", 7, 1, 60);

    public IReadOnlyList<DetectorParameter> Parameters => [HoursParameter, StartHourParameter, LookbackDaysParameter];

    public async Task<IReadOnlyList<DetectedFinding>> DetectAsync(FangkongDbContext system, DetectorSettings settings, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(settings);
        // Npgsql writes UTC instants only.
        now = now.ToUniversalTime();
        var limit = TimeSpan.FromHours(settings.Number(HoursParameter));
        var startHour = TimeSpan.FromHours(settings.Number(StartHourParameter));
        var today = ChinaTime.DayOf(now);
        var earliest = today.AddDays(-(int)settings.Number(LookbackDaysParameter));
        var contacts = await system.Contacts.AsNoTracking()
            .Where(c => c.IdentifiedOn >= earliest && c.IdentifiedOn <= today)
            .Select(c => new { c.Id, c.ContactNo, c.RegionCode, c.IdentifiedOn, c.QuarantinePlace })
            .ToListAsync(ct);
        contacts = [.. contacts.Where(c => Start(c.IdentifiedOn, startHour) + limit < now)];
        if (contacts.Count == 0)
        {
            return [];
        }

        var ids = contacts.Select(c => c.Id).ToList();
        var numbers = contacts.Select(c => c.ContactNo).ToList();
        var placements = (await system.Placements.AsNoTracking()
                .Where(p => p.ContactId != null && EF.Parameter(ids).Contains(p.ContactId.Value))
                .Select(p => new { ContactId = p.ContactId!.Value, p.PlacedAt })
                .ToListAsync(ct))
            .ToLookup(p => p.ContactId, p => p.PlacedAt);
        var watches = (await system.HomeWatches.AsNoTracking()
                .Where(w => w.ContactNo != null && EF.Parameter(numbers).Contains(w.ContactNo))
                .Select(w => new { ContactNo = w.ContactNo!, w.OpenedAt })
                .ToListAsync(ct))
            .ToLookup(w => w.ContactNo, w => w.OpenedAt, StringComparer.Ordinal);

        var late = contacts.Where(c =>
        {
            var deadline = Start(c.IdentifiedOn, startHour) + limit;
            var placed = c.QuarantinePlace == QuarantinePlace.Central ? placements[c.Id] : watches[c.ContactNo];
            return !placed.Any(at => at <= deadline);
        });
        var hours = limit.TotalHours.ToString("0.##", CultureInfo.InvariantCulture);
        var found = new List<DetectedFinding>();
        foreach (var group in late.GroupBy(c => (c.RegionCode, c.IdentifiedOn)))
        {
            var count = group.Count();
            var day = group.Key.IdentifiedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var central = group.Count(c => c.QuarantinePlace == QuarantinePlace.Central);
            found.Add(new DetectedFinding(
                $"{DetectorKey}:{group.Key.RegionCode}:{day}",
                group.Key.RegionCode,
                FindingCategory.Tracing,
                FindingSeverity.Serious,
                $"{day} 判定的 {count} 名密接人员未在 {hours} 小时内落实管控",
                $"{day} 判定的密接人员中有 {count} 人（集中隔离 {central} 人、居家 {count - central} 人）截至 {ChinaTime.Format(Start(group.Key.IdentifiedOn, startHour) + limit)} 未落实隔离管控"
                + $"（{string.Join("、", group.Take(5).Select(c => c.ContactNo))}{(count > 5 ? " 等" : string.Empty)}）。{count} contact(s) identified on {day} were not placed within {hours} h."));
        }

        return found;
    }

    private static DateTimeOffset Start(DateOnly day, TimeSpan hour) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset) + hour;
}
