using Fangkong.Common;
using Fangkong.Data;
using Fangkong.Quarantine.Stay;
using Microsoft.EntityFrameworkCore;
using Fangkong.Common.Input;

namespace Fangkong.Quarantine.HomeMonitoring;

/// <summary>
/// 解除居家隔离 / 居家健康监测 (issue 15, rule 4): releases a home watch the day after its last day,
/// and only once every test its order asks for (days 2 and 7 of the 8th edition's home phase) is
/// negative — the refusal names the days still missing. A home quarantine (居家隔离) is a contact's
/// whole order, so its release is also the contact's (the bulletin's 解除隔离).
/// </summary>
public static class ReleaseHomeWatch
{
    public sealed record Command(long WatchId, [Happened] DateOnly? On);

    public sealed record Released(long WatchId, DateOnly On, int TestsNegative, string? ContactNo);

    public static async Task<Result<Released>> HandleAsync(FangkongDbContext db, TimeProvider time, Command command, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(command);
        var watch = await db.HomeWatches.FirstOrDefaultAsync(w => w.Id == command.WatchId, ct);
        if (watch is null)
        {
            return Error.NotFound(ErrorText.Of("error.quarantine.home-watch-does-not-exist", command.WatchId));
        }

        var today = ChinaTime.Today(time);
        var on = command.On ?? today;
        if (on > today)
        {
            return Error.Invalid("on", ErrorText.Of("error.quarantine.future", on));
        }

        var tests = await db.HomeTests.AsNoTracking().Where(t => t.WatchId == watch.Id).ToListAsync(ct);
        var negative = tests.Where(t => t.Result == StayTestResult.Negative).Select(t => t.DueOn).ToHashSet();
        if (watch.Release(on, negative, tests.Any(t => t.Result == StayTestResult.Positive), db.Jurisdiction.UserName) is { } refused)
        {
            return refused;
        }

        if (watch.Kind == HomeWatchKind.HomeQuarantine && watch.ContactNo is { } no)
        {
            await ContactReleased.MarkAsync(db, db.Contacts.Where(c => c.ContactNo == no), on, ct);
        }

        await db.SaveChangesAsync(ct);
        return new Released(watch.Id, on, watch.TestDates().Count(negative.Contains), watch.ContactNo);
    }
}
