using Fangkong.Common;
using Fangkong.Data;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.Allocation;

/// <summary>
/// The allocation queue as a page: who waits for a room or a bed, longest waiting first, with what
/// they need. Names are shown (staff must find the people); identity numbers are not. The page of
/// people shown is audited as a search.
/// </summary>
public static class ListWaiting
{
    public sealed record Row(string Kind, string Name, string RegionCode, string? Severity, DateTimeOffset IdentifiedAt, double WaitingHours, string Needs, bool HomeKnown, long? PersonId);

    public sealed record View(Page<Row> Page, IReadOnlyDictionary<string, int> ByKind, AllocationRun? LastRun);

    public static async Task<View> HandleAsync(FangkongDbContext db, TimeProvider time, int? page, int? pageSize, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var now = time.GetUtcNow();
        var waiting = (await WaitingList.ReadAsync(db, ChinaTime.Today(time), ct)).OrderBy(w => w.Subject.IdentifiedAt).ThenBy(w => w.Subject.Key).ToList();
        var (number, size) = Page<Row>.Clamp(page, pageSize);
        var shown = waiting.Skip((number - 1) * size).Take(size).ToList();
        var rows = shown.Select(w => new Row(
            w.Subject.Kind.ToString(), w.Subject.Name, w.Subject.RegionCode, w.Subject.Severity?.ToString(), w.Subject.IdentifiedAt,
            Math.Round(Math.Max(0, (now - w.Subject.IdentifiedAt).TotalHours), 1),
            w.Subject.Kind.TakesRoom() ? "room" : PlacementSubject.HospitalFor(w.Subject.Severity) == SiteKind.ShelterHospital ? "shelter-bed" : "designated-bed",
            w.Home is not null, w.Subject.PersonId)).ToList();
        var last = await db.AllocationRuns.AsNoTracking().Where(r => r.FinishedAt != null).OrderByDescending(r => r.Id).FirstOrDefaultAsync(ct);
        if (shown.Count > 0)
        {
            var ids = shown.Select(w => w.Subject.PersonId ?? 0).Where(id => id != 0).ToList();
            await db.AuditSearchAsync("Person", $"quarantine waiting page {number}", ids, db.Jurisdiction.RegionPrefix, ct);
        }

        return new View(
            new Page<Row>(rows, number, size, waiting.Count),
            waiting.GroupBy(w => w.Subject.Kind.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            last);
    }
}
