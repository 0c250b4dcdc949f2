using Fangkong.Cases;
using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Persons;
using Microsoft.EntityFrameworkCore;

namespace Fangkong.Quarantine.HomeMonitoring;

/// <summary>
/// Opens home watches: for every contact in the caller's jurisdiction whose order says home
/// (居家隔离) and who has none yet, and, for the stay module, one health-monitoring watch after a
/// release. Idempotent: a contact's home order is watched once.
/// </summary>
public static class OpenHomeWatches
{
    public sealed record Opened(int Count, IReadOnlyList<long> Ids);

    /// <summary>One watch to open, as a release gives it.</summary>
    /// <param name="TestDays">The order's home test days, counted from <paramref name="StartsOn"/> ("2,7"); none for a case.</param>
    public sealed record Watch(
        HomeWatchKind Kind, long? PersonId, string IdNumber, string Name, string RegionCode, string? ContactNo, string? CaseNo, DateOnly StartsOn, int Days,
        string? TestDays = null);

    public static async Task<Result<Opened>> FromContactOrdersAsync(FangkongDbContext db, TimeProvider time, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        var contacts = await db.Contacts.AsNoTracking()
            .Where(c => c.QuarantinePlace == QuarantinePlace.Home && c.ReleasedOn == null && c.HomeDays > 0)
            .Where(c => !db.HomeWatches.Any(w => w.ContactNo == c.ContactNo && w.Kind == HomeWatchKind.HomeQuarantine))
            .OrderBy(c => c.Id)
            .Take(5_000)
            .ToListAsync(ct);
        var watches = new List<HomeWatch>(contacts.Count);
        var people = await PeopleAsync(db, contacts.Select(c => c.IdNumber).ToList(), ct);
        var now = time.GetUtcNow();
        foreach (var c in contacts)
        {
            // The home quarantine counts from the last exposure: its day numbers are the order's, and a
            // contact found after the period was over is not watched at all.
            var calendar = c.Calendar;
            if (calendar.EndsOn < c.IdentifiedOn)
            {
                continue;
            }

            people.TryGetValue(c.IdNumber, out var person);
            watches.Add(new HomeWatch(
                HomeWatchKind.HomeQuarantine, person?.Id, c.IdNumber, c.Name, person?.Phone, c.RegionCode, c.ContactNo, null,
                calendar.DayOne, calendar.EndsOn, db.Jurisdiction.UserName, now).WithTestDays(c.HomeTestDays));
        }

        db.HomeWatches.AddRange(watches);
        await db.SaveChangesAsync(ct);
        return new Opened(watches.Count, [.. watches.Select(w => w.Id)]);
    }

    /// <summary>
    /// Adds (without saving) a health-monitoring watch after a release, unless the same person
    /// already has one starting that day; the caller saves it with the release.
    /// </summary>
    public static async Task<HomeWatch?> AddAfterReleaseAsync(FangkongDbContext db, TimeProvider time, Watch watch, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(watch);
        if (watch.Days <= 0)
        {
            return null;
        }

        var exists = await db.HomeWatches.AnyAsync(w => w.IdNumber == watch.IdNumber && w.Kind == watch.Kind && w.StartsOn == watch.StartsOn, ct);
        if (exists)
        {
            return null;
        }

        var phone = watch.PersonId is { } id ? await db.Persons.Where(p => p.Id == id).Select(p => p.Phone).FirstOrDefaultAsync(ct) : null;
        var added = new HomeWatch(
            watch.Kind, watch.PersonId, watch.IdNumber, watch.Name, phone, watch.RegionCode, watch.ContactNo, watch.CaseNo,
            watch.StartsOn, watch.StartsOn.AddDays(watch.Days - 1), db.Jurisdiction.UserName, time.GetUtcNow()).WithTestDays(watch.TestDays ?? string.Empty);
        db.HomeWatches.Add(added);
        return added;
    }

    private static async Task<Dictionary<string, Person>> PeopleAsync(FangkongDbContext db, List<string> numbers, CancellationToken ct)
    {
        if (numbers.Count == 0)
        {
            return [];
        }

        var found = await db.Persons.AsNoTracking()
            .Where(p => p.DocumentType == DocumentType.ResidentId && EF.Parameter(numbers).Contains(p.DocumentNumber))
            .ToListAsync(ct);
        return found.GroupBy(p => p.DocumentNumber, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }
}
